/** Calendar arithmetic for the simulated clock: days and UTC calendar months, as Stripe bills. */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** `ms` plus `months` calendar months in UTC; the day is clamped to the month's length (Jan 31 + 1 → Feb 28). */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  const target = new Date(ms);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
