/** Korea Standard Time has no daylight saving: a fixed UTC+9 offset is exact. */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface QuietHours {
  /** Hour (KST) at which quiet time begins, e.g. 21. */
  start: number;
  /** Hour (KST) at which it ends, e.g. 8. */
  end: number;
}

const inQuiet = (hour: number, { start, end }: QuietHours) =>
  start === end ? false : start < end ? hour >= start && hour < end : hour >= start || hour < end;

/**
 * When a non-urgent SMS may go out: `now` outside quiet hours, otherwise the next end of quiet
 * hours (08:00 KST by default).
 */
export function smsSendTime(now: Date, quiet: QuietHours): Date {
  const local = now.getTime() + KST_OFFSET_MS;
  const hour = Math.floor((local % DAY_MS) / HOUR_MS);
  if (!inQuiet(hour, quiet)) return now;
  const dayStart = local - (local % DAY_MS);
  let end = dayStart + quiet.end * HOUR_MS;
  if (end <= local) end += DAY_MS;
  return new Date(end - KST_OFFSET_MS);
}
