/**
 * Calendar arithmetic on YYYY-MM-DD dates for statutory periods, shared by every department.
 * "Today" is the day in China Standard Time (UTC+8): between 00:00 and 08:00 Beijing time the UTC
 * date is still yesterday. A period in years ends on the same month and day, or the month's last
 * day when that day does not exist (民法典 第二百零一条、第二百零二条).
 */

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

/**
 * A deadline in working days (工作日): weekends skipped. Public holidays and their make-up
 * workdays, set each year by the State Council, are not modelled yet.
 */
export function addWorkingDays(date: string, days: number): string {
  let result = date;
  let remaining = days;
  while (remaining > 0) {
    result = addDays(result, 1);
    const weekday = new Date(`${result}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining--;
  }
  return result;
}
