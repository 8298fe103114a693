/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-character alphabet, the last a
 * weighted MOD 31 check. Early pilot codes fail the check yet are legal, so a checksum failure is
 * a flag for manual review, not a rejection.
 */
export type CreditCodeCheck =
  { valid: true; normalized: string; checksumValid: boolean; registrationRegion: string } | { valid: false; reason: string };

const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const shape = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * weights[i];
  return alphabet[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { valid: false, reason: `应为 18 位, 实为 ${value.length} 位` };
  if (!shape.test(value)) {
    const position = [...value].findIndex((character, index) =>
      index >= 2 && index < 8 ? !/\d/.test(character) : !alphabet.includes(character),
    );
    return {
      valid: false,
      reason: `第 ${position + 1} 位 "${value[position]}" 不符合: 应为 2 位登记管理部门和机构类别代码、6 位数字的行政区划码和 10 位数字或大写字母 (不含 I、O、S、V、Z)`,
    };
  }
  return {
    valid: true,
    normalized: value,
    checksumValid: creditCodeCheckCharacter(value.slice(0, 17)) === value[17],
    registrationRegion: value.slice(2, 8),
  };
}
