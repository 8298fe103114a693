/**
 * Calendar arithmetic on YYYY-MM-DD dates for statutory periods. Periods in days count from the day
 * after the event; a period in years ends on the same month and day, or the month's last day when
 * that day does not exist (民法典 第二百零一条、第二百零二条).
 */

const day = 86_400_000;

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const format = (time: number) => new Date(time).toISOString().slice(0, 10);

export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => format(utc(date) + days * day);

export function addYears(date: string, years: number): string {
  const [year, month, dayOfMonth] = date.split("-").map(Number);
  const lastDayOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return format(Date.UTC(year + years, month - 1, Math.min(dayOfMonth, lastDayOfMonth)));
}


/** The entry of a dated table in force on a date: the latest that took effect on or before it. */
export function inForceOn<T extends { effectiveFrom: string }>(entries: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const entry of entries) if (entry.effectiveFrom <= date && (!found || entry.effectiveFrom >= found.effectiveFrom)) found = entry;
  return found;
}
