import { defineEvent } from '@bloom/kernel';
import { z } from 'zod';

/**
 * Events the subscriptions subgraph publishes (stream SUBSCRIPTIONS): recurring flower
 * deliveries. `cycleOrderRequested` is a command to orders, which creates the cycle's delivery
 * order and runs the checkout saga, charging the saved billing key instead of a customer-approved
 * payment; its outcome comes back as `orders.order.confirmed` / `orders.order.failed` for the
 * order whose id is `orderId` here (orders uses it as given, so the correlation is exact).
 */

const isoInstant = z.string().datetime();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const money = z.number().int().nonnegative();

/** Who a subscription concerns: its customer and its store's seller (null when unknown). */
const subscriptionParties = {
  subscriptionId: z.string().min(1),
  customerId: z.string().min(1),
  storeId: z.string().min(1),
  sellerId: z.string().nullable(),
};

export const subscriptionDeliveryAddress = z.object({
  recipientName: z.string().min(1),
  phone: z.string().min(1),
  zipCode: z.string(),
  line1: z.string().min(1),
  line2: z.string(),
});

export const subscriptionCreated = defineEvent(
  'subscriptions.subscription.created',
  z.object({
    ...subscriptionParties,
    productId: z.string().min(1),
    quantity: z.number().int().positive(),
    cycle: z.enum(['WEEKLY', 'BIWEEKLY', 'FOUR_WEEKLY', 'MONTHLY']),
    firstDeliveryDate: day,
  }),
);

/**
 * Command to orders: create the delivery order of one cycle attempt and run the saga with a
 * billing-key charge. Idempotent on `idempotencyKey` (`<subscriptionId>:<cycle>#<attempt>`),
 * which is also the order id orders must use.
 */
export const subscriptionCycleOrderRequested = defineEvent(
  'subscriptions.cycle.orderRequested',
  z.object({
    ...subscriptionParties,
    cycle: z.number().int().positive(),
    attempt: z.number().int().positive(),
    orderId: z.string().min(1),
    idempotencyKey: z.string().min(1),
    productId: z.string().min(1),
    quantity: z.number().int().positive(),
    /** Product price × quantity at the time of the cycle, in KRW. */
    subtotal: money,
    /** The store's delivery fee for that subtotal (0 at or above its free-delivery threshold). */
    deliveryFee: money,
    /** What is charged: subtotal + deliveryFee. */
    amount: money,
    billingKey: z.string().min(1),
    deliveryDate: day,
    /** One of the store's delivery windows, `HH:mm-HH:mm`; empty when the store has none. */
    deliveryWindow: z.string(),
    address: subscriptionDeliveryAddress,
  }),
);

/** The cycle's order was confirmed: flowers reserved and the billing key charged. */
export const subscriptionCharged = defineEvent(
  'subscriptions.subscription.charged',
  z.object({
    ...subscriptionParties,
    cycle: z.number().int().positive(),
    orderId: z.string().min(1),
    amount: money,
    deliveryDate: day,
  }),
);

/**
 * One attempt failed (`reason` is orders' failure code, e.g. PAYMENT_DECLINED, OUT_OF_STOCK);
 * `retryAt` is the next attempt. Null means no retry is left for this cycle: a declined payment
 * then suspends the subscription (`suspended` follows), any other reason makes the cycle
 * `missed`.
 */
export const subscriptionChargeFailed = defineEvent(
  'subscriptions.subscription.chargeFailed',
  z.object({
    ...subscriptionParties,
    cycle: z.number().int().positive(),
    attempt: z.number().int().positive(),
    orderId: z.string().min(1),
    reason: z.string().min(1),
    retryAt: isoInstant.nullable(),
  }),
);

/** Charges were declined on every attempt: nothing is charged until the customer resumes. */
export const subscriptionSuspended = defineEvent(
  'subscriptions.subscription.suspended',
  z.object({ ...subscriptionParties, cycle: z.number().int().positive(), reason: z.string() }),
);

export const subscriptionSkipped = defineEvent(
  'subscriptions.subscription.skipped',
  z.object({ ...subscriptionParties, cycle: z.number().int().positive(), deliveryDate: day }),
);

/**
 * Canceled; `effectiveAfterCycle` is the last cycle still delivered (0: none). The platform
 * cancels (`SYSTEM`) when the product was deleted or the store closed for good; `reason` says
 * which.
 */
export const subscriptionCanceled = defineEvent(
  'subscriptions.subscription.canceled',
  z.object({
    ...subscriptionParties,
    effectiveAfterCycle: z.number().int().nonnegative(),
    canceledBy: z.enum(['CUSTOMER', 'ADMIN', 'SYSTEM']),
    reason: z.enum(['PRODUCT_DELETED', 'STORE_CLOSED']).optional(),
  }),
);

/**
 * Why a cycle is not delivered although the customer wanted it. Nothing was charged for it and
 * the subscription goes on with the next cycle.
 * - PRODUCT_UNAVAILABLE / STORE_UNAVAILABLE: the product was not on sale or the store was
 *   suspended on the charge day;
 * - ORDER_FAILED: the store could not take the order (stock, closed) on any attempt — the
 *   order's reason is in `orderReason`;
 * - NOT_PROCESSED_IN_TIME: the delivery day came before the charge could be made or retried.
 */
export const cycleMissedReason = z.enum([
  'PRODUCT_UNAVAILABLE',
  'STORE_UNAVAILABLE',
  'ORDER_FAILED',
  'NOT_PROCESSED_IN_TIME',
]);

export const subscriptionCycleMissed = defineEvent(
  'subscriptions.cycle.missed',
  z.object({
    ...subscriptionParties,
    cycle: z.number().int().positive(),
    deliveryDate: day,
    reason: cycleMissedReason,
    orderReason: z.string().optional(),
  }),
);

/** The scheduler created a cycle (before its charge): the seller's calendar gains a delivery. */
export const subscriptionCycleOrderCreated = defineEvent(
  'subscriptions.cycle.orderCreated',
  z.object({
    ...subscriptionParties,
    cycle: z.number().int().positive(),
    orderId: z.string().min(1),
    deliveryDate: day,
  }),
);

export const subscriptionsEventContracts = [
  subscriptionCreated,
  subscriptionCycleOrderRequested,
  subscriptionCharged,
  subscriptionChargeFailed,
  subscriptionSuspended,
  subscriptionSkipped,
  subscriptionCanceled,
  subscriptionCycleOrderCreated,
  subscriptionCycleMissed,
] as const;
