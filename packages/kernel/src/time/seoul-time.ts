/**
 * The platform's local time: store hours, delivery and pickup days, reports and notices are
 * Asia/Seoul wall-clock times and dates; instants are stored in UTC. Conversions go through
 * Intl so they stay right even if the zone's rules ever change (Korea has kept +09:00 without
 * daylight saving since 1988).
 */
export const SEOUL_TIME_ZONE = 'Asia/Seoul';

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: SEOUL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface SeoulParts {
  /** `YYYY-MM-DD` in Seoul. */
  date: string;
  /** Minutes since Seoul midnight. */
  minutes: number;
  seconds: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** The zone's offset from UTC at an instant, in minutes (540 for +09:00), as Intl reports it. */
function zoneOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const wallClockAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return Math.round(
    (wallClockAsUtc - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS) / MINUTE_MS,
  );
}

// Offsets change only on quarter hours: Intl is asked once per quarter hour (it costs
// microseconds, and checkout, store hours and reports ask many times a second).
const QUARTER_MS = 15 * MINUTE_MS;
const offsets = new Map<number, number>();

function offsetMinutes(instant: Date): number {
  const quarter = Math.floor(instant.getTime() / QUARTER_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    offset = zoneOffsetMinutes(instant);
    if (offsets.size >= 4096) offsets.clear();
    offsets.set(quarter, offset);
  }
  return offset;
}

export function seoulParts(instant: Date): SeoulParts {
  const local = new Date(instant.getTime() + offsetMinutes(instant) * MINUTE_MS);
  const month = String(local.getUTCMonth() + 1).padStart(2, '0');
  const day = String(local.getUTCDate()).padStart(2, '0');
  return {
    date: `${String(local.getUTCFullYear()).padStart(4, '0')}-${month}-${day}`,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
    seconds: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** The Seoul calendar date of an instant, `YYYY-MM-DD`. */
export const seoulDate = (instant: Date): string => seoulParts(instant).date;

/** The UTC instant of a Seoul wall-clock time on a Seoul date. */
export function seoulInstant(date: string, minutes: number): Date {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const wallClockAsUtc =
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + minutes * MINUTE_MS;
  // Two passes settle the offset even across a rule change.
  let instant = new Date(wallClockAsUtc - offsetMinutes(new Date(wallClockAsUtc)) * MINUTE_MS);
  instant = new Date(wallClockAsUtc - offsetMinutes(instant) * MINUTE_MS);
  return instant;
}

/** Minutes since midnight for `HH:mm`, or null when it is not a valid local time. */
export function parseLocalTime(value: string): number | null {
  const match = LOCAL_TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatLocalTime(minutes: number): string {
  const bounded = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(bounded / 60)).padStart(2, '0')}:${String(bounded % 60).padStart(2, '0')}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The Seoul date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const shifted = new Date(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days),
  );
  return shifted.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a Seoul date. */
export function weekdayOf(date: string): number {
  return seoulParts(seoulInstant(date, 12 * 60)).weekday;
}

/**
 * The start of the fixed window (of `hours`) containing `instant`, with windows aligned to
 * Seoul midnight; used to send at most one low-stock notice per window.
 */
export function windowStart(instant: Date, hours: number): Date {
  const { date } = seoulParts(instant);
  const midnight = seoulInstant(date, 0).getTime();
  const size = hours * 60 * MINUTE_MS;
  return new Date(midnight + Math.floor((instant.getTime() - midnight) / size) * size);
}
