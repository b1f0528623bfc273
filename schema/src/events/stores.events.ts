import { defineEvent } from '@bloom/kernel';
import { z } from 'zod';

const isoInstant = z.string().datetime();
const money = z.number().int().nonnegative();
const flowerId = z.number().int().min(1).max(22);
/** A wall-clock time in Asia/Seoul, `HH:mm`. */
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * The resulting sellable quantity of one flower after a change. `seq` is the position in the
 * flower's stock ledger: a projection keeps the figure with the highest seq, so events that
 * arrive out of order never roll availability back.
 */
export const storeStockLevel = z.object({
  flowerId,
  available: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
});

/** One flower's stock level as inventory events carry it. */
export type StoreStockLevel = z.infer<typeof storeStockLevel>;

const flowerQuantity = z.object({ flowerId, quantity: z.number().int().positive() });

const storeStatus = z.enum(['OPEN', 'SUSPENDED', 'CLOSED']);

const storeSnapshot = z.object({
  storeId: z.string(),
  sellerId: z.string(),
  name: z.string(),
  status: storeStatus,
  regionCode: z.string(),
  districtCode: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  deliveryPolicy: z.object({
    fee: money,
    /** Fee is 0 once the product subtotal reaches this; null: delivery is never free. */
    freeDeliveryThreshold: money.nullable(),
    sameDayCutoff: localTime,
    windows: z.array(z.object({ start: localTime, end: localTime })),
  }),
  pickup: z.object({ enabled: z.boolean(), slotCapacity: z.number().int().positive() }),
  /** Added later, so optional: events stored before it still decode (hours unknown). */
  businessHours: z
    .object({
      opensAt: localTime,
      closesAt: localTime,
      /** 0 = Sunday … 6 = Saturday. */
      closedWeekdays: z.array(z.number().int().min(0).max(6)),
    })
    .optional(),
});

// Store lifecycle

export const storeOpened = defineEvent('stores.store.opened', storeSnapshot);

/** Profile, delivery policy or pickup settings changed; the full snapshot, newest wins. */
export const storeUpdated = defineEvent('stores.store.updated', storeSnapshot);

export const storeSuspended = defineEvent(
  'stores.store.suspended',
  z.object({
    storeId: z.string(),
    sellerId: z.string(),
    reason: z.string(),
    suspendedBy: z.string(),
  }),
);

export const storeReopened = defineEvent(
  'stores.store.reopened',
  z.object({ storeId: z.string(), sellerId: z.string(), reopenedBy: z.string() }),
);

export const storeClosed = defineEvent(
  'stores.store.closed',
  z.object({ storeId: z.string(), sellerId: z.string(), closedBy: z.string() }),
);

// Flower inventory

export const inventoryAdjusted = defineEvent(
  'stores.inventory.adjusted',
  z.object({
    storeId: z.string(),
    adjustmentId: z.string(),
    actorId: z.string(),
    reason: z.string().nullable(),
    changes: z.array(z.object({ flowerId, delta: z.number().int() })),
    stock: z.array(storeStockLevel),
  }),
);

/** Why stores did not redeem an order's coupon (with `COUPON_REJECTED` on the reservation). */
export const couponRejectionReason = z.enum([
  'COUPON_NOT_FOUND',
  'WRONG_STORE',
  /** A coupon for pickup on a delivery order, or the other way round. */
  'WRONG_FULFILMENT',
  'NOT_CLAIMED',
  'ALREADY_USED',
  'NOT_STARTED',
  'EXPIRED',
  'MINIMUM_NOT_MET',
  'ORDER_CLOSED',
]);

export const inventoryReserved = defineEvent(
  'stores.inventory.reserved',
  z.object({
    orderId: z.string(),
    storeId: z.string(),
    flowers: z.array(flowerQuantity),
    /** The booked pickup slot, for pickup orders. */
    pickup: z.object({ slotStart: isoInstant, seat: z.number().int().nonnegative() }).nullable(),
    /** The order's coupon, redeemed in the same step; null or absent without one. */
    coupon: z.object({ couponId: z.string(), discount: money }).nullish(),
    stock: z.array(storeStockLevel),
  }),
);

export const reservationRejectionReason = z.enum([
  'OUT_OF_STOCK',
  'SLOT_FULL',
  /** Not a bookable slot: in the past, off the 30-minute grid, outside hours, pickup off. */
  'SLOT_UNAVAILABLE',
  'STORE_NOT_OPEN',
  'STORE_NOT_FOUND',
  /** Unknown flowers or impossible quantities. */
  'INVALID_ORDER',
  /** The order had already failed or been canceled when the reservation was handled. */
  'ORDER_CLOSED',
  /** The order's coupon could not be redeemed (`couponReason` says why); nothing is held. */
  'COUPON_REJECTED',
]);

export const inventoryRejected = defineEvent(
  'stores.inventory.rejected',
  z.object({
    orderId: z.string(),
    storeId: z.string(),
    reason: reservationRejectionReason,
    couponReason: couponRejectionReason.optional(),
    shortages: z.array(
      z.object({
        flowerId,
        requested: z.number().int().positive(),
        available: z.number().int().nonnegative(),
      }),
    ),
    stock: z.array(storeStockLevel),
  }),
);

export const inventoryCommitted = defineEvent(
  'stores.inventory.committed',
  z.object({
    orderId: z.string(),
    storeId: z.string(),
    flowers: z.array(flowerQuantity),
    stock: z.array(storeStockLevel),
  }),
);

export const inventoryReleased = defineEvent(
  'stores.inventory.released',
  z.object({
    orderId: z.string(),
    storeId: z.string(),
    reason: z.string(),
    /** True when a confirmed (committed) order was canceled and its flowers went back. */
    afterCommit: z.boolean(),
    flowers: z.array(flowerQuantity),
    slotReleased: z.boolean(),
    stock: z.array(storeStockLevel),
  }),
);

export const inventoryLow = defineEvent(
  'stores.inventory.low',
  z.object({
    storeId: z.string(),
    sellerId: z.string(),
    flowerId,
    available: z.number().int().nonnegative(),
    threshold: z.number().int().nonnegative(),
    /** At most one event per store, flower and window. */
    windowStart: isoInstant,
  }),
);

// Coupons

const couponSnapshot = z.object({
  couponId: z.string(),
  storeId: z.string(),
  name: z.string(),
  code: z.string(),
  discountAmount: money,
  minOrderAmount: money,
  startsAt: isoInstant,
  endsAt: isoInstant,
  issueLimit: z.number().int().positive(),
  /**
   * The one way of receiving an order the coupon is for; null or absent (events from before
   * coupons had it) means delivery and pickup alike.
   */
  onlyFor: z.enum(['DELIVERY', 'PICKUP']).nullish(),
});

export const couponCreated = defineEvent('stores.coupon.created', couponSnapshot);
export const couponUpdated = defineEvent('stores.coupon.updated', couponSnapshot);
export const couponDeleted = defineEvent(
  'stores.coupon.deleted',
  z.object({ couponId: z.string(), storeId: z.string() }),
);

export const couponReturned = defineEvent(
  'stores.coupon.returned',
  z.object({
    orderId: z.string(),
    storeId: z.string(),
    couponId: z.string(),
    customerId: z.string(),
  }),
);

// Q&A

export const questionAsked = defineEvent(
  'stores.question.asked',
  z.object({
    questionId: z.string(),
    productId: z.string(),
    storeId: z.string(),
    sellerId: z.string(),
    askerId: z.string(),
    secret: z.boolean(),
  }),
);

export const questionAnswered = defineEvent(
  'stores.question.answered',
  z.object({
    questionId: z.string(),
    productId: z.string(),
    storeId: z.string(),
    sellerId: z.string(),
    askerId: z.string(),
  }),
);

/** The inventory events, each carrying the resulting `stock` levels of the flowers it touched. */
export const INVENTORY_STOCK_EVENTS = [
  inventoryAdjusted,
  inventoryReserved,
  inventoryRejected,
  inventoryCommitted,
  inventoryReleased,
] as const;

/**
 * The inventory events that can move the sellable quantity (`available`): all but a commit,
 * which takes stems already held for the order out of the reserve. A projection of what is for
 * sale (ranks, checkout's stock check) needs only these: one event per order fewer.
 */
export const SELLABLE_STOCK_EVENTS = INVENTORY_STOCK_EVENTS.filter(
  (contract) => contract !== inventoryCommitted,
);

export const storesEventContracts = [
  storeOpened,
  storeUpdated,
  storeSuspended,
  storeReopened,
  storeClosed,
  inventoryAdjusted,
  inventoryReserved,
  inventoryRejected,
  inventoryCommitted,
  inventoryReleased,
  inventoryLow,
  couponCreated,
  couponUpdated,
  couponDeleted,
  couponReturned,
  questionAsked,
  questionAnswered,
] as const;
