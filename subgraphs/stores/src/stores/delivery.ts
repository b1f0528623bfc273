import { addDays, parseLocalTime, seoulInstant, seoulParts } from '@bloom/kernel';
import { isClosedOn } from '../pickup/pickup-slots.js';
import type { Store, StoreDeliveryPolicy } from './store.entity.js';
import { StoreDeliveryDate, StoreDeliveryWindowOption } from './store.types.js';

/** Delivery fee for a product subtotal: free from the threshold on; pickup never calls this. */
export function deliveryFee(policy: StoreDeliveryPolicy, subtotal: number): number {
  const threshold = policy.freeDeliveryThreshold;
  return threshold !== null && threshold !== undefined && subtotal >= threshold ? 0 : policy.fee;
}

/**
 * Delivery dates from today (Seoul) for `days` days, skipping closed days. Today is offered
 * only before the same-day cut-off, and then only the windows that have not started yet.
 */
export function deliveryDates(
  store: Pick<Store, 'deliveryPolicy' | 'businessHours' | 'pickup'>,
  now: Date,
  days: number,
): StoreDeliveryDate[] {
  const { date: today, minutes } = seoulParts(now);
  const cutoff = parseLocalTime(store.deliveryPolicy.sameDayCutoff) ?? 0;
  const result: StoreDeliveryDate[] = [];
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(today, offset);
    if (isClosedOn(store, date)) continue;
    const sameDay = offset === 0;
    if (sameDay && minutes >= cutoff) continue;
    const windows = store.deliveryPolicy.windows
      .map((w) =>
        Object.assign(new StoreDeliveryWindowOption(), {
          start: w.start,
          end: w.end,
          startsAt: seoulInstant(date, parseLocalTime(w.start) ?? 0),
          endsAt: seoulInstant(date, parseLocalTime(w.end) ?? 0),
        }),
      )
      .filter((w) => w.startsAt.getTime() > now.getTime());
    if (windows.length === 0) continue;
    result.push(Object.assign(new StoreDeliveryDate(), { date, sameDay, windows }));
  }
  return result;
}
