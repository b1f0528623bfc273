import { badInput } from '../errors/errors.js';
import { addDays, seoulDate, seoulInstant } from './seoul-time.js';

/** Period figures cover 1 to 366 Asia/Seoul days (a leap year). */
export const MAX_PERIOD_DAYS = 366;

/** The `days` argument of a "last N Seoul days" figure, or a BAD_USER_INPUT error. */
export function checkPeriodDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_PERIOD_DAYS) {
    throw badInput(`days must be a whole number from 1 to ${MAX_PERIOD_DAYS}.`, {
      field: 'days',
    });
  }
  return days;
}

/** Seoul midnight starting the last `days` Seoul days, today included. */
export const seoulPeriodStart = (now: Date, days: number): Date =>
  seoulInstant(addDays(seoulDate(now), 1 - days), 0);
