/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), ISO 7064 MOD 11-2 check character. Legacy 15-digit numbers (GB 11643-1989) are
 * converted to 18 digits. The address code is not checked against the current GB/T 2260 list:
 * retired codes stay valid in old numbers.
 */
export type Gender = "MALE" | "FEMALE";

export type IdNumberCheck =
  { valid: true; normalized: string; birthDate: string; gender: Gender; convertedFromLegacy: boolean } | { valid: false; reason: string };

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = "10X98765432";

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkCharacters[sum % 11];
}

/** A real calendar date, not after `today` and not before 1900. */
export function isRealBirthDate(yyyymmdd: string, today = new Date()): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && date.getTime() <= today.getTime();
}

export function checkIdNumber(input: string, today = new Date()): IdNumberCheck {
  const value = input.trim().toUpperCase();
  let normalized: string;
  let convertedFromLegacy = false;
  if (/^\d{15}$/.test(value)) {
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    normalized = first17 + idNumberCheckCharacter(first17);
    convertedFromLegacy = true;
  } else if (/^\d{17}[\dX]$/.test(value)) {
    normalized = value;
  } else {
    return { valid: false, reason: "应为 18 位 (17 位数字加 1 位数字或 X), 或 15 位旧号码" };
  }
  const birth = normalized.slice(6, 14);
  if (!isRealBirthDate(birth, today)) {
    return { valid: false, reason: `其中的出生日期 ${birth} 不是 1900 年至今的真实日期` };
  }
  const expected = idNumberCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) {
    return { valid: false, reason: `校验位应为 ${expected}, 实为 ${normalized[17]} (GB 11643 MOD 11-2)` };
  }
  return {
    valid: true,
    normalized,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(normalized[16]) % 2 === 1 ? "MALE" : "FEMALE",
    convertedFromLegacy,
  };
}
