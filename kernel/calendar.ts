/**
 * Calendar arithmetic on YYYY-MM-DD dates for statutory periods, shared by every department.
 * "Today" is the day in China Standard Time (UTC+8): between 00:00 and 08:00 Beijing time the UTC
 * date is still yesterday. A period in years ends on the same month and day, or the month's last
 * day when that day does not exist (民法典 第二百零一条、第二百零二条).
 */

import { holidayNotices } from "../reference/statutory-holidays";
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

const noticeYears = new Set(holidayNotices.map((notice) => notice.year));
const daysOff = new Set(
  holidayNotices.flatMap((notice) =>
    notice.daysOff.flatMap(([from, to]) => Array.from({ length: daysBetween(from, to) + 1 }, (_, offset) => addDays(from, offset))),
  ),
);
const makeUpWorkingDays = new Set(holidayNotices.flatMap((notice) => notice.makeUpWorkingDays));

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
