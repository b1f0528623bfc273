import { defineEvent } from '@bloom/kernel';
import { z } from 'zod';
import { reservationRejectionReason } from './stores.events.js';

/**
 * The checkout saga's commands, published by orders and consumed by stores (see docs/saga.md).
 * Payloads carry orderId and storeId so each consumer can act without a lookup; the optional
 * fields help other consumers (notifications) and may be omitted by the producer.
 */

const isoInstant = z.string().datetime();
const money = z.number().int().nonnegative();

/** One flower of a product's recipe: how many stems ONE unit of the product uses. */
const recipeFlower = z.object({
  flowerId: z.number().int().positive(),
  count: z.number().int().positive(),
});

export const orderFulfilment = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DELIVERY') }),
  z.object({ type: z.literal('PICKUP'), slotStart: isoInstant }),
]);

export const orderPlaced = defineEvent(
  'orders.order.placed',
  z.object({
    orderId: z.string().min(1),
    orderNumber: z.string().optional(),
    storeId: z.string().min(1),
    customerId: z.string().min(1),
    lines: z
      .array(
        z.object({
          productId: z.string().min(1),
          quantity: z.number().int().positive(),
          flowers: z.array(recipeFlower),
        }),
      )
      .min(1),
    fulfilment: orderFulfilment,
    couponId: z.string().optional(),
    /** Product subtotal in KRW, before coupon and delivery fee. */
    subtotal: money,
    placedAt: isoInstant,
  }),
);

export const orderConfirmed = defineEvent(
  'orders.order.confirmed',
  z.object({
    orderId: z.string().min(1),
    storeId: z.string().min(1),
    customerId: z.string().optional(),
  }),
);

/**
 * Why an order failed, shared by its producer (orders) and consumers (notifications): stores'
 * reservation rejections (but ORDER_CLOSED, which fails nothing), the coupon and payment
 * outcomes, and the saga's step timeouts. It is the customer's `order.failure.code`.
 */
export const orderFailureReason = z.enum([
  ...reservationRejectionReason.exclude(['ORDER_CLOSED', 'COUPON_REJECTED']).options,
  'COUPON_REJECTED',
  'PAYMENT_DECLINED',
  'PAYMENT_FAILED',
  /** The customer canceled on the easy-pay provider's page. */
  'PAYMENT_CANCELED',
  'RESERVATION_TIMEOUT',
  /** No longer produced (the coupon is redeemed with the reservation); kept for old orders. */
  'COUPON_TIMEOUT',
  'PAYMENT_TIMEOUT',
]);
export type OrderFailureReason = z.infer<typeof orderFailureReason>;
/** The reasons by name, e.g. `OrderFailureReason.PAYMENT_DECLINED`. */
export const OrderFailureReason = orderFailureReason.enum;

export const orderFailed = defineEvent(
  'orders.order.failed',
  z.object({
    orderId: z.string().min(1),
    storeId: z.string().min(1),
    /** An OrderFailureReason; a string so consumers tolerate reasons added later. */
    reason: z.string().min(1),
    customerId: z.string().optional(),
    couponId: z.string().optional(),
  }),
);

export const orderCanceled = defineEvent(
  'orders.order.canceled',
  z.object({
    orderId: z.string().min(1),
    storeId: z.string().min(1),
    reason: z.string().min(1),
    customerId: z.string().optional(),
    couponId: z.string().optional(),
    canceledBy: z.enum(['CUSTOMER', 'SELLER', 'ADMIN', 'SYSTEM']).optional(),
  }),
);

export const ordersEventContracts = [
  orderPlaced,
  orderConfirmed,
  orderFailed,
  orderCanceled,
] as const;

// --- Appended by products: order-line completion, which makes a line reviewable. ---

/**
 * One order line was completed (delivered or picked up): its customer may review the product
 * once for this line, and the units count toward the product's sales.
 */
export const orderLineCompleted = defineEvent(
  'orders.orderLine.completed',
  z.object({
    orderId: z.string().min(1),
    /** Unique per line; a review is allowed once per line. */
    orderLineId: z.string().min(1),
    customerId: z.string().min(1),
    productId: z.string().min(1),
    storeId: z.string().min(1),
    /** Units of the product in the line; counts as 1 when omitted. */
    quantity: z.number().int().positive().optional(),
    completedAt: z.string().datetime(),
  }),
);

// --- Appended by orders: fulfilment progress, for notifications and integrators. ---

/** Who an order concerns: its customer and the owner of its store (null when unknown). */
const orderParties = {
  orderId: z.string().min(1),
  orderNumber: z.string(),
  storeId: z.string().min(1),
  customerId: z.string().min(1),
  sellerId: z.string().nullable(),
};

/** A confirmed order for the seller's board (sent with orders.order.confirmed). */
export const orderNewOrder = defineEvent(
  'orders.order.newOrder',
  z.object({
    ...orderParties,
    fulfilment: z.enum(['DELIVERY', 'PICKUP']),
    total: money,
    pickupSlotStart: isoInstant.optional(),
    deliveryDate: z.string().optional(),
  }),
);

export const orderPreparing = defineEvent('orders.order.preparing', z.object(orderParties));

/** Out for delivery ("delivery started"). */
export const orderShipping = defineEvent(
  'orders.order.shipping',
  z.object({ ...orderParties, trackingNumber: z.string().optional() }),
);

export const orderDelivered = defineEvent(
  'orders.order.delivered',
  z.object({ ...orderParties, deliveredAt: isoInstant }),
);

export const orderReadyForPickup = defineEvent(
  'orders.order.readyForPickup',
  z.object({ ...orderParties, pickupSlotStart: isoInstant.optional() }),
);

/** `automatic`: completed by the end-of-day job, not by the seller. */
export const orderPickedUp = defineEvent(
  'orders.order.pickedUp',
  z.object({ ...orderParties, pickedUpAt: isoInstant, automatic: z.boolean() }),
);

export const ordersFulfilmentEventContracts = [
  orderNewOrder,
  orderPreparing,
  orderShipping,
  orderDelivered,
  orderReadyForPickup,
  orderPickedUp,
] as const;
