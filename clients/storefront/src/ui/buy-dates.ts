/**
 * Calendar days (`YYYY-MM-DD`, Asia/Seoul) as the API uses them. Arithmetic runs on UTC
 * midnights so no time zone or daylight shift moves a day.
 */
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** Same day of the month `months` later, clamped to the month's end (Jan 31 → Feb 28). */
export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  const wanted = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(wanted, last));
  return toDay(date);
}

/** 0 = Sunday … 6 = Saturday, as BusinessHours.closedWeekdays counts. */
export const weekdayOf = (day: string): number => toDate(day).getUTCDay();

/** `{ start: '10:00', end: '13:00' }` → `10:00-13:00`, the form the API takes windows in. */
export const windowValue = (w: { start: string; end: string }): string => `${w.start}-${w.end}`;

/** `10:00-13:00` → `10:00~13:00` for people; empty means any time of the day. */
export const windowText = (value: string): string =>
  value ? value.replace('-', '~') : '시간 무관';
