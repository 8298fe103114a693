import { badUserInput } from "../../kernel/errors";
import { isCalendarDate } from "../../kernel/scalars";

/** Calendar days and moments as 应急 counts them: dates are China Standard Time (UTC+8) days. */

const dayMs = 86_400_000;
const chinaOffsetMs = 8 * 3_600_000;

/** Today's date in China, YYYY-MM-DD. */
export const chinaToday = (now = new Date()): string => new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

/** The first moment of a China calendar day. */
export const chinaDayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** The same month and day some years on, or that month's last day when the day does not exist. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** The entry of a dated rule table in force on a date: the latest that took effect on or before it. */
export function inForceOn<T extends { effectiveFrom: string }>(entries: readonly T[], date: string): T | undefined {
  return entries.filter((entry) => entry.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).pop();
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
