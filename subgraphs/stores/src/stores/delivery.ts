import { type DeliveryRules, deliveryDateOptions } from '@bloom/kernel';
import type { Store, StoreDeliveryPolicy } from './store.entity.js';
import { StoreDeliveryDate, StoreDeliveryWindowOption } from './store.types.js';

/** Delivery fee for a product subtotal: free from the threshold on; pickup never calls this. */
export function deliveryFee(policy: StoreDeliveryPolicy, subtotal: number): number {
  const threshold = policy.freeDeliveryThreshold;
  return threshold !== null && threshold !== undefined && subtotal >= threshold ? 0 : policy.fee;
}

/** The store's delivery calendar, as the kernel rule (shared with orders' checkout) reads it. */
const deliveryRulesOf = (
  store: Pick<Store, 'deliveryPolicy' | 'businessHours'>,
): DeliveryRules => ({
  sameDayCutoff: store.deliveryPolicy.sameDayCutoff,
  windows: store.deliveryPolicy.windows,
  closedWeekdays: store.businessHours.closedWeekdays,
});

/** Delivery dates from today (Seoul) for `days` days; see the kernel's deliveryDateOptions. */
export function deliveryDates(
  store: Pick<Store, 'deliveryPolicy' | 'businessHours'>,
  now: Date,
  days: number,
): StoreDeliveryDate[] {
  return deliveryDateOptions(deliveryRulesOf(store), now, days).map((option) =>
    Object.assign(new StoreDeliveryDate(), {
      date: option.date,
      sameDay: option.sameDay,
      windows: option.windows.map((w) => Object.assign(new StoreDeliveryWindowOption(), w)),
    }),
  );
}
