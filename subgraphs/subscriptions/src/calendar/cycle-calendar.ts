/**
 * The subscription calendar, pure and clock-free: every date is a calendar day `YYYY-MM-DD`
 * in Asia/Seoul (the stores' delivery day; SPEC: times are shown in Asia/Seoul). Day arithmetic
 * runs on UTC midnights so no offset shifts it; only `dayOf` and `startOfDay` convert between
 * instants and Seoul days (through the kernel's Seoul time). Cycle numbers start at 1.
 *
 * A schedule is an anchor — the delivery date of cycle `anchorCycle` — plus a period. Changing
 * the delivery date moves the anchor to the next uncharged cycle, so the dates of cycles already
 * charged never change. Monthly cycles keep the anchor's day of the month and clamp it to the
 * month's length (Jan 31 → Feb 28/29 → Mar 31), never drifting.
 */

import { seoulDate, seoulInstant } from '@bloom/kernel';

export type CycleKind = 'WEEKLY' | 'BIWEEKLY' | 'FOUR_WEEKLY' | 'MONTHLY';

export interface Schedule {
  kind: CycleKind;
  /** Delivery date of cycle `anchorCycle`. */
  anchorDate: string;
  anchorCycle: number;
}

/** A pause: cycles delivered on days in [from, until) are not charged nor delivered. */
export interface Pause {
  from: string;
  until: string;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MAX_PAUSE_MONTHS = 3;

/** Parses `YYYY-MM-DD` strictly (rejects 2025-02-30); null when it is not a real day. */
export function parseDay(day: string): Date | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(Date.UTC(year, month - 1, date));
  if (value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1) return null;
  if (value.getUTCDate() !== date) return null;
  return value;
}

function mustParse(day: string): Date {
  const value = parseDay(day);
  if (!value) throw new RangeError(`Not a calendar day: ${day}`);
  return value;
}

export const formatDay = (value: Date): string => value.toISOString().slice(0, 10);

/** The Asia/Seoul calendar day of an instant. */
export const dayOf = (instant: Date): string => seoulDate(instant);

/** The instant a day starts in Asia/Seoul (its local midnight). */
export const startOfDay = (day: string): Date => seoulInstant(formatDay(mustParse(day)), 0);

export function addDays(day: string, days: number): string {
  return formatDay(new Date(mustParse(day).getTime() + days * DAY_MS));
}

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Adds months keeping `anchorDay` (clamped to the target month's length). */
export function addMonths(day: string, months: number, anchorDay?: number): string {
  const start = mustParse(day);
  const target = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(target / 12);
  const month = target - year * 12;
  const wanted = anchorDay ?? start.getUTCDate();
  return formatDay(new Date(Date.UTC(year, month, Math.min(wanted, daysInMonth(year, month)))));
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((mustParse(to).getTime() - mustParse(from).getTime()) / DAY_MS);

const WEEKS: Record<Exclude<CycleKind, 'MONTHLY'>, number> = {
  WEEKLY: 1,
  BIWEEKLY: 2,
  FOUR_WEEKLY: 4,
};

/** Delivery date of a cycle at or after the anchor cycle. */
export function deliveryDate(schedule: Schedule, cycle: number): string {
  if (!Number.isInteger(cycle) || cycle < schedule.anchorCycle) {
    throw new RangeError(`Cycle ${cycle} is before the schedule's anchor ${schedule.anchorCycle}`);
  }
  const steps = cycle - schedule.anchorCycle;
  if (schedule.kind === 'MONTHLY') return addMonths(schedule.anchorDate, steps);
  return addDays(schedule.anchorDate, steps * 7 * WEEKS[schedule.kind]);
}

/** The day a cycle is charged: `leadDays` before its delivery. */
export const chargeDate = (schedule: Schedule, cycle: number, leadDays: number): string =>
  addDays(deliveryDate(schedule, cycle), -leadDays);

/** Whether a delivery day falls inside a pause. */
export const isPaused = (pause: Pause | null | undefined, day: string): boolean =>
  !!pause && day >= pause.from && day < pause.until;

/** Why a pause is not allowed, or null. A pause lasts at most three calendar months. */
export function pauseProblem(pause: Pause, today: string): string | null {
  if (!parseDay(pause.from) || !parseDay(pause.until)) return 'Dates must be YYYY-MM-DD.';
  if (pause.from < today) return 'A pause cannot start in the past.';
  if (pause.until <= pause.from) return 'A pause must end after it starts.';
  if (pause.until > addMonths(pause.from, MAX_PAUSE_MONTHS)) {
    return `A pause lasts at most ${MAX_PAUSE_MONTHS} months.`;
  }
  return null;
}

export interface CycleState {
  schedule: Schedule;
  leadDays: number;
  skipped: readonly number[];
  pause: Pause | null;
}

/** Whether a cycle is delivered (not skipped, not inside a pause). */
export function isDelivered(state: CycleState, cycle: number): boolean {
  if (state.skipped.includes(cycle)) return false;
  return !isPaused(state.pause, deliveryDate(state.schedule, cycle));
}

/**
 * The first cycle after `lastScheduled` that will be delivered, with its dates; `limit` bounds
 * the search (a schedule cannot be paused or skipped forever, but be defensive).
 */
export function nextDelivered(
  state: CycleState,
  lastScheduled: number,
  limit = 200,
): { cycle: number; deliveryDate: string; chargeDate: string } | null {
  const first = Math.max(lastScheduled + 1, state.schedule.anchorCycle);
  for (let cycle = first; cycle < first + limit; cycle += 1) {
    if (isDelivered(state, cycle)) {
      return {
        cycle,
        deliveryDate: deliveryDate(state.schedule, cycle),
        chargeDate: chargeDate(state.schedule, cycle, state.leadDays),
      };
    }
  }
  return null;
}

/**
 * Cycles after `lastScheduled` whose charge day has come by `today`, in order. Each is either
 * due (charge and order it) or passed over (skipped or paused: recorded, never charged).
 */
export function cyclesDue(
  state: CycleState,
  lastScheduled: number,
  today: string,
): { cycle: number; deliveryDate: string; delivered: boolean }[] {
  const due: { cycle: number; deliveryDate: string; delivered: boolean }[] = [];
  for (let cycle = Math.max(lastScheduled + 1, state.schedule.anchorCycle); ; cycle += 1) {
    if (chargeDate(state.schedule, cycle, state.leadDays) > today) return due;
    due.push({
      cycle,
      deliveryDate: deliveryDate(state.schedule, cycle),
      delivered: isDelivered(state, cycle),
    });
  }
}
