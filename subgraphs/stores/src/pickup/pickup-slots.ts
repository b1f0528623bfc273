import {
  addDays,
  formatLocalTime,
  isClosedWeekday,
  parseLocalTime,
  seoulInstant,
  seoulParts,
} from '@bloom/kernel';
import type { Store } from '../stores/store.entity.js';

export const SLOT_MINUTES = 30;
const SLOT_MS = SLOT_MINUTES * 60_000;

export type SlotProblem = 'PICKUP_OFF' | 'PAST' | 'OFF_GRID' | 'CLOSED_DAY' | 'OUTSIDE_HOURS';

type Hours = Pick<Store, 'businessHours' | 'pickup'>;

/** Slot starts (minutes after Seoul midnight) of a business day: every 30 min, ending by closing. */
export function slotMinutes(store: Hours): number[] {
  const opens = parseLocalTime(store.businessHours.opensAt) ?? 0;
  const closes = parseLocalTime(store.businessHours.closesAt) ?? 0;
  const first = Math.ceil(opens / SLOT_MINUTES) * SLOT_MINUTES;
  const starts: number[] = [];
  for (let minute = first; minute + SLOT_MINUTES <= closes; minute += SLOT_MINUTES) {
    starts.push(minute);
  }
  return starts;
}

/** Why an instant is not a bookable slot of the store, or null when it is one. */
export function slotProblem(store: Hours, slotStart: Date, now: Date): SlotProblem | null {
  if (!store.pickup.enabled) return 'PICKUP_OFF';
  if (slotStart.getTime() <= now.getTime()) return 'PAST';
  const { date, minutes, seconds } = seoulParts(slotStart);
  if (seconds !== 0 || slotStart.getMilliseconds() !== 0 || minutes % SLOT_MINUTES !== 0) {
    return 'OFF_GRID';
  }
  if (isClosedWeekday(store.businessHours.closedWeekdays, date)) return 'CLOSED_DAY';
  if (!slotMinutes(store).includes(minutes)) return 'OUTSIDE_HOURS';
  return null;
}

export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
  label: string;
}

/** The slots of a Seoul date (none on closed days). */
export function slotsOn(store: Hours, date: string): SlotTime[] {
  if (isClosedWeekday(store.businessHours.closedWeekdays, date)) return [];
  return slotMinutes(store).map((minute) => {
    const startsAt = seoulInstant(date, minute);
    return {
      startsAt,
      endsAt: new Date(startsAt.getTime() + SLOT_MS),
      label: `${formatLocalTime(minute)}–${formatLocalTime(minute + SLOT_MINUTES)}`,
    };
  });
}

/** The next bookable slot at or after `now` within a week, for demo data and tests. */
export function nextSlot(store: Hours, now: Date): Date | null {
  const today = seoulParts(now).date;
  for (let day = 0; day < 8; day++) {
    const slot = slotsOn(store, addDays(today, day)).find((s) => s.startsAt > now);
    if (slot) return slot.startsAt;
  }
  return null;
}
