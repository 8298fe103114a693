/**
 * Calendar arithmetic on YYYY-MM-DD dates for statutory periods, shared by every department.
 * "Today" is the day in China Standard Time (UTC+8): between 00:00 and 08:00 Beijing time the UTC
 * date is still yesterday. A period in years ends on the same month and day, or the month's last
 * day when that day does not exist (民法典 第二百零一条、第二百零二条).
 */

import { holidayNotices, type HolidayNotice } from "../reference/statutory-holidays";
import { lianfangError } from "./errors";

const dayMs = 86_400_000;
const chinaOffsetMs = 8 * 3_600_000;

/** Today's date in China, YYYY-MM-DD. */
export const chinaToday = (now = new Date()): string => new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

/** The first moment of a China calendar day. */
export const chinaDayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** The same month and day some years on, or that month's last day when the day does not exist. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** The entry of a dated rule table in force on a date: the latest that took effect on or before it. */
export function inForceOn<T extends { effectiveFrom: string }>(entries: readonly T[], date: string): T | undefined {
  return entries
    .filter((entry) => entry.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    .pop();
}

const noticeYears = new Set<number>();
const daysOff = new Set<string>();
const makeUpWorkingDays = new Set<string>();

function learn(notices: readonly HolidayNotice[]): void {
  for (const notice of notices) {
    noticeYears.add(notice.year);
    for (const [from, to] of notice.daysOff) {
      for (let offset = 0; offset <= daysBetween(from, to); offset++) daysOff.add(addDays(from, offset));
    }
    for (const day of notice.makeUpWorkingDays) makeUpWorkingDays.add(day);
  }
}
learn(holidayNotices);

function isDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** A notice's dates lie in its year, or the December before (2023's 元旦 began on 2022-12-31; 2012's was made up on 2011-12-31). */
const ofNoticeYear = (day: string, year: number) => day.startsWith(`${year}-`) || day.startsWith(`${year - 1}-12-`);

/** Why a notice the operator supplies cannot be used, or undefined when it can. */
function noticeProblem(notice: unknown, knownYears: ReadonlySet<number>): string | undefined {
  if (!notice || typeof notice !== "object")
    return "each notice must be an object { year, document, issuedOn, daysOff, makeUpWorkingDays }";
  const { year, document, issuedOn, daysOff: ranges, makeUpWorkingDays: workedDays } = notice as HolidayNotice;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return `year ${String(year)} is not a year`;
  if (knownYears.has(year)) return `${year} already has its notice (reference/statutory-holidays.ts or earlier in the file)`;
  if (typeof document !== "string" || !document.trim()) return `${year}: document must name the notice`;
  if (!isDate(issuedOn)) return `${year}: issuedOn ${String(issuedOn)} is not a YYYY-MM-DD date`;
  if (!Array.isArray(ranges) || !ranges.length) return `${year}: daysOff must list the days off`;
  for (const range of ranges) {
    const [from, to] = Array.isArray(range) ? range : [];
    if (!isDate(from) || !isDate(to) || from > to || !ofNoticeYear(from, year) || !ofNoticeYear(to, year)) {
      return `${year}: days off ${JSON.stringify(range)} must be [first, last] YYYY-MM-DD dates of ${year} (or the December before)`;
    }
  }
  if (!Array.isArray(workedDays)) return `${year}: makeUpWorkingDays must be a list (empty when none)`;
  for (const day of workedDays) {
    const weekday = isDate(day) ? new Date(`${day}T00:00:00Z`).getUTCDay() : -1;
    if ((weekday !== 0 && weekday !== 6) || !ofNoticeYear(day, year)) {
      return `${year}: make-up working day ${String(day)} must be a Saturday or Sunday of ${year} (or the December before)`;
    }
  }
  return undefined;
}

/**
 * Adds holiday notices published after this release (e.g. the next year's, each November), so
 * that an office need not wait for a new version: each checked, none replacing a year already
 * known. Throws naming the first notice at fault; nothing is added then.
 */
export function addHolidayNotices(notices: unknown): void {
  if (!Array.isArray(notices)) throw new Error("must be a JSON list of notices { year, document, issuedOn, daysOff, makeUpWorkingDays }");
  const years = new Set(noticeYears);
  for (const notice of notices as unknown[]) {
    const problem = noticeProblem(notice, years);
    if (problem) throw new Error(problem);
    years.add((notice as HolidayNotice).year);
  }
  learn(notices as HolidayNotice[]);
}

/**
 * Whether a day is a working day (工作日) by the State Council's holiday notice of its year: a make-up
 * working day (调休上班), or a Monday to Friday that is not a day off. A year without a notice is an
 * error naming the year, never a weekends-only guess.
 */
export function isWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!noticeYears.has(year)) {
    throw lianfangError("HOLIDAY_DATA_MISSING", `没有${year}年的节假日安排（国务院办公厅部分节假日安排的通知），无法计算工作日期限`, {
      year,
    });
  }
  if (makeUpWorkingDays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !daysOff.has(date);
}

/** A deadline in working days: the day on which the given number of working days after `date` is reached. */
export function addWorkingDays(date: string, days: number): string {
  let result = date;
  let remaining = days;
  while (remaining > 0) {
    result = addDays(result, 1);
    if (isWorkingDay(result)) remaining--;
  }
  return result;
}

/**
 * The day a working-day period ends if that day has come by `asOf`, else null: what escalations
 * need, since a period that ends after `asOf` must not fail for want of next year's notice.
 */
export function workingDaysElapsedBy(date: string, days: number, asOf: string): string | null {
  let result = date;
  let remaining = days;
  while (remaining > 0) {
    result = addDays(result, 1);
    if (result > asOf) return null;
    if (isWorkingDay(result)) remaining--;
  }
  return result;
}
