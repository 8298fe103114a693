import { checkIndustryCode } from "../reference/industries";
import { chinaToday } from "./calendar";
import { checkRegionCode } from "../reference/regions";
import { badUserInput } from "./errors";
import { fieldLabel } from "./field-labels";
import { checkCreditCode, creditCodeCheckCharacter } from "./identifiers/credit-code";
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

/**
 * Why a well-formed credit code found on no record may be a typo: its check character, when it
 * fails GB 32100 (legal for pilot codes, so never a refusal by itself). Empty when it passes.
 */
export function creditCodeTypoHint(creditCode: string): string {
  const expected = creditCodeCheckCharacter(creditCode.slice(0, 17));
  return expected === creditCode[17] ? "" : `; 其校验位应为 ${expected}, 实为 ${creditCode[17]} (GB 32100), 请核对是否填错`;
}

/** `now` is the hub's time: a birth date after it is impossible. */
export function requireIdNumber(field: string, value: string, now: Date) {
  const check = checkIdNumber(value, now);
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
  if (!isCalendarDate(value)) throw badUserInput(field, notADate(value));
  return value;
}

/** Why a text is not a date: a day the month lacks (2025-02-30) is named as such. */
function notADate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return `${JSON.stringify(value)} 不是日期, 应写作 YYYY-MM-DD`;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return `${value} 不是真实的日期: 没有 ${month} 月`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value} 不是真实的日期: ${year} 年 ${month} 月只有 ${daysInMonth} 天, 没有 ${day} 日`;
}

/** The day a question is asked "as of": the caller's clock when it gives one, else today in China. */
export const requireAsOf = (field: string, value: string | null | undefined, now: Date): string =>
  value === undefined || value === null ? chinaToday(now) : requireLocalDate(field, value);

const shownMoment = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

/**
 * Two moments that must come in order, e.g. an accident cannot be reported before it happened.
 * `earlier` is named by its field or, when it is a stored value, by its Chinese name.
 */
export function requireOrder(laterField: string, earlier: Date | string, later: Date | string, earlierField: string): void {
  if (new Date(later).getTime() < new Date(earlier).getTime()) {
    throw badUserInput(laterField, `不能早于${fieldLabel(earlierField)} ${shownMoment(earlier)}, 填写的是 ${shownMoment(later)}`);
  }
}

export function requireRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badUserInput(field, `应为 ${min} 至 ${max} 之间的整数, 填写的是 ${value}`);
  return value;
}

/** A moment not after now, or a calendar date not after today in China. */
export function requireNotFuture(field: string, value: Date | string, now: Date): void {
  const future = typeof value === "string" && isCalendarDate(value) ? value > chinaToday(now) : new Date(value).getTime() > now.getTime();
  if (future) throw badUserInput(field, `不能晚于今天 (${chinaToday(now)})`);
}

const timestampPattern = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** An ISO 8601 moment with its zone (a report time means nothing without one). */
export function requireTimestamp(field: string, value: string): Date {
  const match = timestampPattern.exec(value);
  if (!match) {
    throw badUserInput(field, `${JSON.stringify(value)} 不是带时区的日期时间: 应写作 YYYY-MM-DDThh:mm[:ss], 以 Z 或时差 (如 +08:00) 结尾`);
  }
  if (!isCalendarDate(match[1])) throw badUserInput(field, notADate(match[1]));
  return new Date(value);
}

export function requireText(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (!text) throw badUserInput(field, "不能为空");
  if (text.length > maxLength) throw badUserInput(field, `最多 ${maxLength} 个字符, 填写了 ${text.length} 个`);
  return text;
}

/** The key of an Accident as emergency management issues it: AC-<year>-<serial, or 16 hex digits when reported>. */
export function requireAccidentId(field: string, value: string): string {
  const match = /^AC-(\d{4})-([0-9a-f]{6,16})$/i.exec(value.trim());
  if (!match) throw badUserInput(field, `${JSON.stringify(value)} 不是应急管理部门编发的事故编号 (AC-年份-…)`);
  return `AC-${match[1]}-${match[2].toLowerCase()}`;
}

/** Why a report's scope was refused: stable codes a program can act on, beside the reason in Chinese. */
export type ReportScopeProblem = "UNKNOWN_REGION" | "MALFORMED_PERIOD" | "FUTURE_PERIOD" | "INVALID_SPAN";

const badScope = (field: string, reasonCode: ReportScopeProblem, reason: string) => badUserInput(field, reason, { reasonCode });

/** A known GB/T 2260 region, refused in Chinese with a stable reason code. */
function requireReportRegion(regionCode: string): string {
  const check = checkRegionCode(regionCode);
  if (!check.valid) throw badScope("regionCode", "UNKNOWN_REGION", `${JSON.stringify(regionCode)} 不是已知的 GB/T 2260 行政区划代码`);
  return regionCode;
}

/** The significant digits of a region code: the county itself, or every county of a prefecture or province. */
export const regionPrefix = (regionCode: string): string =>
  regionCode.slice(0, regionCode.endsWith("0000") ? 2 : regionCode.endsWith("00") ? 4 : 6);

/** What a report covers: a known region (and everything under it) over a calendar year or quarter. */
export interface ReportScope {
  regionCode: string;
  /** Matches a GB/T 2260 code column by prefix (an index range): the county, or every county under a prefecture or province. */
  regionPattern: string;
  /** The period's first day, YYYY-MM-DD. */
  from: string;
  /** The first day after the period. */
  until: string;
  /** Every month of the period, YYYY-MM. */
  months: string[];
}

const periodPattern = /^((?:19|20)\d{2})(?:-Q([1-4]))?$/;

/**
 * A report's region and period: `YYYY` or `YYYY-Qn`. A period that has not begun by `now` (China
 * time, from the injected clock) is refused: its figures would be zeros that look like a result.
 */
export function requireReportScope(regionCode: string, period: string, now: Date): ReportScope {
  requireReportRegion(regionCode);
  const match = periodPattern.exec(period);
  if (!match)
    throw badScope("period", "MALFORMED_PERIOD", `${JSON.stringify(period)} 不是报告期: 应写作年份 YYYY 或季度 YYYY-Qn (n 为 1 至 4)`);
  const year = Number(match[1]);
  const firstMonth = match[2] ? (Number(match[2]) - 1) * 3 + 1 : 1;
  const monthCount = match[2] ? 3 : 12;
  const month = (offset: number) => {
    const index = firstMonth - 1 + offset;
    return `${year + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  };
  const from = `${month(0)}-01`;
  const today = chinaToday(now);
  if (from > today) throw badScope("period", "FUTURE_PERIOD", `报告期 ${period} 尚未开始 (今天是 ${today})`);
  return {
    regionCode,
    regionPattern: `${regionPrefix(regionCode)}%`,
    from,
    until: `${month(monthCount)}-01`,
    months: Array.from({ length: monthCount }, (_, offset) => month(offset)),
  };
}

/** The longest span of years an industry analysis compares. */
export const maxAnalysisYears = 10;

/** What an industry analysis covers: a known region over whole calendar years. */
export interface AnalysisScope {
  regionCode: string;
  regionPattern: string;
  from: string;
  until: string;
  years: number[];
}

/** An industry analysis's region and span of whole years, the last not after this year (China time). */
export function requireAnalysisScope(regionCode: string, fromYear: number, toYear: number, now: Date): AnalysisScope {
  requireReportRegion(regionCode);
  const thisYear = Number(chinaToday(now).slice(0, 4));
  for (const [field, year] of [
    ["fromYear", fromYear],
    ["toYear", toYear],
  ] as const) {
    if (!Number.isInteger(year) || year < 1990 || year > 2099)
      throw badScope(field, "MALFORMED_PERIOD", `${year} 不是 1990 至 2099 之间的年份`);
  }
  if (toYear > thisYear) throw badScope("toYear", "FUTURE_PERIOD", `${toYear} 年尚未开始 (今年是 ${thisYear} 年)`);
  if (fromYear > toYear) throw badScope("fromYear", "INVALID_SPAN", `起始年份 ${fromYear} 晚于截止年份 ${toYear}`);
  if (toYear - fromYear + 1 > maxAnalysisYears)
    throw badScope("fromYear", "INVALID_SPAN", `一次最多比较 ${maxAnalysisYears} 年, 收到 ${toYear - fromYear + 1} 年`);
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
  return {
    regionCode,
    regionPattern: `${regionPrefix(regionCode)}%`,
    from: `${fromYear}-01-01`,
    until: `${toYear + 1}-01-01`,
    years,
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
