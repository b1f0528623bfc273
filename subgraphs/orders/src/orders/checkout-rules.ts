import {
  type DeliveryProblem,
  InvalidInputError,
  deliveryProblem,
  unitsAvailable,
} from '@bloom/kernel';
import type {
  CouponProjection,
  RecipeItem,
  StoreProjection,
} from '../projections/catalog.entities.js';
import type { Fulfilment } from './order.entity.js';

export interface WantedLine {
  productId: string;
  quantity: number;
  recipe: readonly RecipeItem[];
}

/**
 * The first line the store's flower stock cannot make, with how many of it the stock can make
 * after the lines before it took their stems (lines share flowers), or null when all fit.
 * Stock orders has not heard of counts as none, as products shows it; a product without a
 * recipe is not limited by stock.
 */
export function stockShortage(
  lines: readonly WantedLine[],
  stock: ReadonlyMap<number, number>,
): { productId: string; available: number } | null {
  const left = new Map(stock);
  for (const line of lines) {
    // The kernel's rule counts an empty recipe as none; here it is not limited at all.
    const available =
      line.recipe.length === 0 ? Number.POSITIVE_INFINITY : unitsAvailable(line.recipe, left);
    if (line.quantity > available) return { productId: line.productId, available };
    for (const item of line.recipe) {
      left.set(item.flowerId, (left.get(item.flowerId) ?? 0) - item.count * line.quantity);
    }
  }
  return null;
}

/**
 * Why a coupon limited to one way of receiving cannot be used on an order received the other
 * way, or null when it fits (a coupon without the limit fits both).
 */
export function couponFulfilmentProblem(
  coupon: Pick<CouponProjection, 'onlyFor'>,
  fulfilment: Fulfilment | `${Fulfilment}`,
): string | null {
  if (!coupon.onlyFor || coupon.onlyFor === fulfilment) return null;
  return coupon.onlyFor === 'PICKUP'
    ? 'This coupon is for pickup orders only.'
    : 'This coupon is for delivery orders only.';
}

const DELIVERY_PROBLEMS: Record<DeliveryProblem, [field: string, message: string]> = {
  PAST_DATE: ['delivery.deliveryDate', 'Choose today or a later date.'],
  CLOSED_DAY: ['delivery.deliveryDate', 'The store is closed that day.'],
  AFTER_CUTOFF: ['delivery.deliveryDate', 'Same-day delivery closed at the store’s cut-off.'],
  WINDOW_NOT_OFFERED: ['delivery.window', 'The store does not deliver in that window that day.'],
};

/**
 * Whether the store delivers on the chosen date and window, by the calendar stores offers
 * (the kernel's rule). A store whose snapshot predates delivery calendars is not refused here.
 */
export function deliveryCalendarProblem(
  store: Pick<StoreProjection, 'sameDayCutoff' | 'deliveryWindows' | 'closedWeekdays'>,
  delivery: { deliveryDate: string; window: string },
  now: Date,
): InvalidInputError | null {
  if (!store.sameDayCutoff || !store.deliveryWindows) return null;
  const problem = deliveryProblem(
    {
      sameDayCutoff: store.sameDayCutoff,
      windows: store.deliveryWindows,
      closedWeekdays: store.closedWeekdays ?? [],
    },
    delivery.deliveryDate,
    delivery.window.trim(),
    now,
  );
  if (!problem) return null;
  const [field, message] = DELIVERY_PROBLEMS[problem];
  return InvalidInputError.of(field, message, problem === 'PAST_DATE' ? 'INVALID_DATE' : problem);
}
