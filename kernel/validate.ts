import { checkIndustryCode } from "../reference/industries";
import { chinaToday } from "./calendar";
import { checkRegionCode } from "../reference/regions";
import { badUserInput } from "./errors";
import { checkCreditCode } from "./identifiers/credit-code";
import { checkIdNumber } from "./identifiers/id-number";
import { isCalendarDate } from "./scalars";

/**
 * Input checks every department uses: each returns the normalized value or throws BAD_USER_INPUT
 * naming the field (as the caller wrote it, e.g. "input.creditCode") and the reason.
 */

export function requireCreditCode(field: string, value: string): { creditCode: string; needsReview: boolean } {
  const check = checkCreditCode(value);
  if (!check.valid) throw badUserInput(field, check.reason);
  return { creditCode: check.normalized, needsReview: !check.checksumValid };
}

export function requireIdNumber(field: string, value: string, today = new Date()) {
  const check = checkIdNumber(value, today);
  if (!check.valid) throw badUserInput(field, check.reason);
  return check;
}

export function requireRegionCode(field: string, value: string): string {
  const check = checkRegionCode(value);
  if (!check.valid) throw badUserInput(field, check.reason);
  return value;
}

export function requireIndustryCode(field: string, value: string): { section: string; division: string; digits: string } {
  const check = checkIndustryCode(value.trim().toUpperCase());
  if (!check.valid) throw badUserInput(field, check.reason);
  return {
    section: check.section,
    division: check.division,
    digits: value
      .trim()
      .toUpperCase()
      .replace(/^[A-Z]/, ""),
  };
}

export function requireLocalDate(field: string, value: string): string {
  if (!isCalendarDate(value)) throw badUserInput(field, `${JSON.stringify(value)} is not a real calendar date written YYYY-MM-DD`);
  return value;
}

/** The day a question is asked "as of": the caller's clock when it gives one, else today in China. */
export const requireAsOf = (field: string, value: string | null | undefined): string =>
  value === undefined || value === null ? chinaToday() : requireLocalDate(field, value);

/** Two moments that must come in order, e.g. an accident cannot be reported before it happened. */
export function requireOrder(laterField: string, earlier: Date | string, later: Date | string, earlierField: string): void {
  if (new Date(later).getTime() < new Date(earlier).getTime()) {
    throw badUserInput(laterField, `cannot be before ${earlierField}`);
  }
}

export function requireRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badUserInput(field, `must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** A moment not after now, or a calendar date not after today in China. */
export function requireNotFuture(field: string, value: Date | string, now = new Date()): void {
  const future = typeof value === "string" && isCalendarDate(value) ? value > chinaToday(now) : new Date(value).getTime() > now.getTime();
  if (future) throw badUserInput(field, "cannot be in the future");
}

const timestampPattern = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** An ISO 8601 moment with its zone (a report time means nothing without one). */
export function requireTimestamp(field: string, value: string): Date {
  const match = timestampPattern.exec(value);
  if (!match || !isCalendarDate(match[1])) {
    throw badUserInput(field, `${JSON.stringify(value)} is not a real date and time written YYYY-MM-DDThh:mm[:ss] with Z or an offset`);
  }
  return new Date(value);
}

export function requireText(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (!text) throw badUserInput(field, "cannot be empty");
  if (text.length > maxLength) throw badUserInput(field, `must be at most ${maxLength} characters, got ${text.length}`);
  return text;
}

/** The key of an Accident as emergency management issues it: AC-<year>-<serial, or 16 hex digits when reported>. */
export function requireAccidentId(field: string, value: string): string {
  const match = /^AC-(\d{4})-([0-9a-f]{6,16})$/i.exec(value.trim());
  if (!match) throw badUserInput(field, "must be an accident number AC-YYYY-… as emergency management issues it");
  return `AC-${match[1]}-${match[2].toLowerCase()}`;
}

/** What a report covers: a known region (and everything under it) over one calendar year. */
export interface ReportScope {
  regionCode: string;
  /** Matches a GB/T 2260 code column: the county itself, or every county of a prefecture or province. */
  regionPattern: string;
  /** Matches a credit-code column by its registration region (characters 3 to 8). */
  creditCodePattern: string;
  from: string;
  /** The first day after the period. */
  until: string;
}

export function requireReportScope(regionCode: string, period: string): ReportScope {
  requireRegionCode("regionCode", regionCode);
  if (!/^(19|20)\d{2}$/.test(period)) throw badUserInput("period", `${JSON.stringify(period)} is not a calendar year written YYYY`);
  const significant = regionCode.endsWith("0000") ? 2 : regionCode.endsWith("00") ? 4 : 6;
  const prefix = regionCode.slice(0, significant);
  return {
    regionCode,
    regionPattern: `${prefix}%`,
    creditCodePattern: `__${prefix}%`,
    from: `${period}-01-01`,
    until: `${Number(period) + 1}-01-01`,
  };
}

/** A number a department issues (permit, licence, report number): kept as written, in one piece. */
export function requireDocumentNumber(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (!text) throw badUserInput(field, "编号不能为空");
  if (/\s/.test(text)) throw badUserInput(field, `编号中不能有空格: ${JSON.stringify(text)}`);
  const length = [...text].length;
  if (length > maxLength) throw badUserInput(field, `编号最多 ${maxLength} 个字符, 收到 ${length} 个`);
  return text;
}
