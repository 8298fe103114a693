import { badUserInput } from "./errors";

/**
 * Money crosses the hub as yuan (a decimal string, or a JSON number with at most two decimals)
 * and is kept as whole fen. The conversion works on the decimal digits, never on a product of
 * floats: 123456789.12 × 100 in floating point is 12345678911.999998.
 */

/** The largest amount accepted: 1万亿 yuan. A double keeps 15 significant digits exactly, and 10^12 yuan to the fen is 15. */
export const maximumYuan = 1_000_000_000_000;
const maximumFen = BigInt(maximumYuan) * 100n;

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d*))?$/;

export type AmountFloor = "positive" | "nonNegative";

/** Yuan → exact fen, or BAD_USER_INPUT naming the field and the reason (in Chinese, for the clerk). */
export function yuanToFen(field: string, yuan: string | number, floor: AmountFloor = "positive"): number {
  const written = typeof yuan === "number" ? decimalText(yuan) : yuan.trim();
  const shown = typeof yuan === "number" ? String(yuan) : written;
  const match = decimalPattern.exec(written);
  if (!match) throw badUserInput(field, `${JSON.stringify(String(yuan))} 不是以元为单位的金额 (数字, 最多两位小数)`);
  const [, sign, whole, decimals = ""] = match;
  if (decimals.replace(/0+$/, "").length > 2) throw badUserInput(field, `金额最多两位小数 (精确到分), 收到 ${shown}`);
  const magnitude = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, "0").slice(0, 2));
  const fen = sign === "-" ? -magnitude : magnitude;
  if (fen < 0n) throw badUserInput(field, `金额不能为负数, 收到 ${shown}`);
  if (fen === 0n && floor === "positive") throw badUserInput(field, `金额必须大于 0, 收到 ${shown}`);
  if (fen > maximumFen) throw badUserInput(field, `金额不能超过 ${maximumYuan} 元 (1万亿元), 收到 ${shown}`);
  return Number(fen);
}

/** The shortest decimal that reads back as the same double, without exponent notation where it matters. */
function decimalText(yuan: number): string {
  if (!Number.isFinite(yuan)) return String(yuan);
  const text = String(yuan);
  if (!text.includes("e")) return text;
  // Below 1e-6 the amount has more than two decimals; from 1e21 it is far beyond the maximum.
  return Math.abs(yuan) < 1 ? yuan.toFixed(20) : BigInt(yuan).toString();
}

/** Fen shown as yuan with exactly two decimals, for messages and spreadsheets. */
export function fenToYuanText(fen: number): string {
  const magnitude = BigInt(Math.abs(fen));
  return `${fen < 0 ? "-" : ""}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, "0")}`;
}
