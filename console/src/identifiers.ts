import { checkCreditCode } from "../../kernel/identifiers/credit-code";
import { checkIdNumber, idNumberCheckCharacter, isRealBirthDate } from "../../kernel/identifiers/id-number";

/**
 * Form checks with the server's own rules (the kernel's GB 11643 and GB 32100 checks), worded in
 * Chinese. Each returns why a value is refused, or nothing when it may be sent.
 */
export function idNumberProblem(value: string): string | undefined {
  const check = checkIdNumber(value);
  if (check.valid) return undefined;
  const text = value.trim().toUpperCase();
  if (!/^\d{15}$/.test(text) && !/^\d{17}[\dX]$/.test(text)) return "身份证号应为18位（17位数字加1位数字或X），或15位旧号码";
  const full = text.length === 15 ? `${text.slice(0, 6)}19${text.slice(6)}` : text;
  if (!isRealBirthDate(full.slice(6, 14))) return `出生日期 ${full.slice(6, 14)} 不是1900年至今的真实日期`;
  return `校验位不符：应为 ${idNumberCheckCharacter(full.slice(0, 17))}（GB 11643 MOD 11-2）`;
}

export function creditCodeProblem(value: string): { error?: string; warning?: string } {
  const check = checkCreditCode(value);
  if (!check.valid) {
    return value.trim().length !== 18
      ? { error: `统一社会信用代码应为18位，现为${value.trim().length}位` }
      : { error: "统一社会信用代码应为2位登记管理代码、6位行政区划码和10位数字或大写字母（不含 I、O、S、V、Z）" };
  }
  return check.checksumValid ? {} : { warning: "校验位不符（GB 32100）：可能是试点期代码，仍可查询，但请核对" };
}

/** GB/T 2260 codes are six digits; whether one exists is the server's to say. */
export const regionCodeProblem = (value: string): string | undefined =>
  /^\d{6}$/.test(value.trim()) ? undefined : "行政区划代码应为6位数字";

/** An antd form rule from one of these checks: an empty field is left to `required`. */
export const checkedBy = (problemOf: (value: string) => string | undefined) => ({
  validator: async (_rule: unknown, value?: string) => {
    const problem = value?.trim() ? problemOf(value) : undefined;
    if (problem) throw new Error(problem);
  },
});
