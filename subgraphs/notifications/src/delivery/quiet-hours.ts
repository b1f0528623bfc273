import { addDays, seoulInstant, seoulParts } from '@bloom/kernel';

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
  const { date, minutes } = seoulParts(now);
  if (!inQuiet(Math.floor(minutes / 60), quiet)) return now;
  const end = seoulInstant(date, quiet.end * 60);
  return end.getTime() > now.getTime() ? end : seoulInstant(addDays(date, 1), quiet.end * 60);
}
