/**
 * Deadlines counted in working days (工作日): weekends skipped. Public holidays and their make-up
 * workdays are set each year by the State Council and are not modelled yet.
 */
export function addWorkingDays(start: Date, days: number): Date {
  const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  let remaining = days;
  while (remaining > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining--;
  }
  return date;
}
