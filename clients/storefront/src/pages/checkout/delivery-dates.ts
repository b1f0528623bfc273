import type { OrderGroup } from './checkout.types.js';

/** A delivery day every store of the checkout offers, with the windows all of them can keep. */
export interface CommonDeliveryDate {
  date: string;
  sameDay: boolean;
  windows: string[];
}

/** The API's window label: `10:00-13:00`. */
const label = (w: { start: string; end: string }) => `${w.start}-${w.end}`;

/**
 * Delivery days every store of the checkout offers, with the windows all of them offer.
 * The API takes one delivery for the whole checkout (one order per store), and each store
 * accepts only its own windows as offered: a window is kept only when every store offers
 * exactly it (an overlap such as 12:00-13:00 of 10:00-13:00 and 12:00-15:00 is refused).
 */
export function commonDeliveryDates(groups: OrderGroup[]): CommonDeliveryDate[] {
  const [first, ...rest] = groups;
  if (!first) return [];
  return first.store.deliveryDates
    .map((d) => {
      let windows = d.windows.map(label);
      for (const g of rest) {
        const theirs = (g.store.deliveryDates.find((o) => o.date === d.date)?.windows ?? []).map(
          label,
        );
        windows = windows.filter((w) => theirs.includes(w));
      }
      return { date: d.date, sameDay: d.sameDay, windows: [...new Set(windows)].sort() };
    })
    .filter((d) => d.windows.length > 0);
}
