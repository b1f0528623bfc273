import { addDays } from '../../ui/buy-dates.js';
import type { FlowerSubscription } from './subscription.types.js';

/**
 * The first day a pause or a new date can start: `floor` at the earliest, and after `after`
 * (the last delivery already charged). The panel opens on the next delivery when it qualifies.
 */
export function firstFreeDay(s: FlowerSubscription, after: string | null, floor: string) {
  const earliest = after && after >= floor ? addDays(after, 1) : floor;
  const initial =
    s.nextDeliveryDate && s.nextDeliveryDate >= earliest ? s.nextDeliveryDate : earliest;
  return { earliest, initial };
}
