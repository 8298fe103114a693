/** Calendar days as 卫健 counts them: YYYY-MM-DD dates, today taken in China Standard Time (UTC+8). */

const dayMs = 86_400_000;
const chinaOffsetMs = 8 * 3_600_000;

export const chinaToday = (now = new Date()): string => new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** The entry of a dated rule table in force on a date: the latest that took effect on or before it. */
export function inForceOn<T extends { effectiveFrom: string }>(entries: readonly T[], date: string): T | undefined {
  return entries.filter((entry) => entry.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).pop();
}
