import {
  addDays,
  isLocalDate,
  parseLocalTime,
  seoulInstant,
  seoulParts,
  weekdayOf,
} from './seoul-time.js';

/**
 * A store's delivery calendar: what stores offers at checkout and what orders checks a placed
 * order against, so both subgraphs apply one rule.
 */
export interface DeliveryRules {
  /** `HH:mm` in Seoul; same-day delivery is ordered before it. */
  sameDayCutoff: string;
  windows: readonly { start: string; end: string }[];
  /** 0 = Sunday … 6 = Saturday. */
  closedWeekdays: readonly number[];
}

export interface DeliveryWindowTimes {
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
}

export interface DeliveryDateOption {
  date: string;
  sameDay: boolean;
  windows: DeliveryWindowTimes[];
}

/** Why a delivery date and window cannot be ordered now. */
export type DeliveryProblem =
  /** Before today (Seoul) or not a calendar date. */
  | 'PAST_DATE'
  | 'CLOSED_DAY'
  /** Today, but the same-day cut-off has passed. */
  | 'AFTER_CUTOFF'
  /** Not one of the store's windows, or today's window has already started. */
  | 'WINDOW_NOT_OFFERED';

/** The `start-end` label a checkout sends for a window, e.g. `10:00-13:00`. */
export const deliveryWindowLabel = (w: { start: string; end: string }) => `${w.start}-${w.end}`;

function windowsOn(rules: DeliveryRules, date: string, now: Date): DeliveryWindowTimes[] {
  return rules.windows
    .map((w) => ({
      start: w.start,
      end: w.end,
      startsAt: seoulInstant(date, parseLocalTime(w.start) ?? 0),
      endsAt: seoulInstant(date, parseLocalTime(w.end) ?? 0),
    }))
    .filter((w) => w.startsAt.getTime() > now.getTime());
}

/** Whether a Seoul date (`YYYY-MM-DD`) falls on one of the closed weekdays (0 = Sunday). */
export const isClosedWeekday = (closedWeekdays: readonly number[], date: string): boolean =>
  closedWeekdays.includes(weekdayOf(date));

/**
 * Delivery dates from today (Seoul) for `days` days, skipping closed days. Today is offered
 * only before the same-day cut-off, and then only the windows that have not started yet.
 */
export function deliveryDateOptions(
  rules: DeliveryRules,
  now: Date,
  days: number,
): DeliveryDateOption[] {
  const { date: today, minutes } = seoulParts(now);
  const cutoff = parseLocalTime(rules.sameDayCutoff) ?? 0;
  const result: DeliveryDateOption[] = [];
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(today, offset);
    if (isClosedWeekday(rules.closedWeekdays, date)) continue;
    const sameDay = offset === 0;
    if (sameDay && minutes >= cutoff) continue;
    const windows = windowsOn(rules, date, now);
    if (windows.length === 0) continue;
    result.push({ date, sameDay, windows });
  }
  return result;
}

/** Why `window` on `date` (Seoul, `YYYY-MM-DD`) cannot be ordered at `now`, or null. */
export function deliveryProblem(
  rules: DeliveryRules,
  date: string,
  window: string,
  now: Date,
): DeliveryProblem | null {
  const { date: today, minutes } = seoulParts(now);
  if (!isLocalDate(date) || date < today) return 'PAST_DATE';
  if (isClosedWeekday(rules.closedWeekdays, date)) return 'CLOSED_DAY';
  if (date === today && minutes >= (parseLocalTime(rules.sameDayCutoff) ?? 0)) {
    return 'AFTER_CUTOFF';
  }
  const offered = windowsOn(rules, date, now).some((w) => deliveryWindowLabel(w) === window);
  return offered ? null : 'WINDOW_NOT_OFFERED';
}
