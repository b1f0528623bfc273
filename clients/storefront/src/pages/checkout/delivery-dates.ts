import type { OrderGroup } from './checkout.types.js';

/** A delivery day every store of the checkout offers, with the windows all of them can keep. */
export interface CommonDeliveryDate {
  date: string;
  sameDay: boolean;
  windows: string[];
}

const minutes = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * Delivery days every store of the checkout offers, with the windows all of them can keep.
 * The API takes one delivery for the whole checkout (one order per store), and stores have
 * their own windows (10:00-13:00 here, 12:00-15:00 there): a window common to all is the
 * overlap of one window of each store (12:00-13:00), so every florist can keep it.
 */
export function commonDeliveryDates(groups: OrderGroup[]): CommonDeliveryDate[] {
  const [first, ...rest] = groups;
  if (!first) return [];
  return first.store.deliveryDates
    .map((d) => {
      let ranges = d.windows.map((w) => [minutes(w.start), minutes(w.end)] as const);
      for (const g of rest) {
        const theirs = g.store.deliveryDates.find((o) => o.date === d.date)?.windows ?? [];
        ranges = ranges.flatMap(([start, end]) =>
          theirs
            .map((w) => [Math.max(start, minutes(w.start)), Math.min(end, minutes(w.end))] as const)
            .filter(([s, e]) => e > s),
        );
      }
      const windows = [...new Set(ranges.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`))].sort();
      return { date: d.date, sameDay: d.sameDay, windows };
    })
    .filter((d) => d.windows.length > 0);
}
