import { createHash } from 'node:crypto';
import { type EntityManager, isDuplicateKeyError, recordEvent } from '@bloom/kernel';
import { orderPlaced } from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import { CartLine } from '../cart/cart-line.entity.js';
import { type OrdersDeps, SOURCE } from '../orders.deps.js';
import { PaymentMethod } from '../payments/payment-method.js';
import type { OrderDraft } from './checkout-pricing.js';
import type { CheckoutInput } from './checkout.types.js';
import { CheckoutClaim } from './checkout-claim.entity.js';
import { DeliveryDetails } from './delivery-details.entity.js';
import { OrderLine } from './order-line.entity.js';
import { type Fulfilment, Order, OrderStatus } from './order.entity.js';

/** A draft as the claim keeps it: with what every order of the checkout shares. */
type ClaimedDraft = OrderDraft & {
  fulfilment: Fulfilment;
  delivery?: DeliveryDetails;
  fromCart: boolean;
  placedAt: string;
  /** Absent in claims written before payment methods: CARD. */
  payment?: { method: PaymentMethod; returnUrl?: string };
};

/** The claim's key: one per customer and idempotency key. */
export const claimIdOf = (customerId: string, key: string) => `${customerId}:${key}`;

/** What the request asked for (the key aside), so a key reused for another checkout is told. */
export function requestHashOf(input: CheckoutInput): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * Claims the idempotency key by inserting the claim with the complete drafts. Returns the claim
 * that holds the key and whether it is this one (`won`) or one a concurrent call with the same
 * key inserted first.
 */
export async function claimCheckout(
  em: EntityManager,
  claim: { claimId: string; customerId: string; requestHash: string },
  drafts: OrderDraft[],
  input: CheckoutInput,
  now: Date,
): Promise<{ claim: CheckoutClaim; won: boolean }> {
  const mine = em.create(CheckoutClaim, {
    _id: claim.claimId,
    customerId: claim.customerId,
    requestHash: claim.requestHash,
    orderIds: drafts.map((d) => d.id),
    drafts: drafts.map((d) => ({
      ...d,
      fulfilment: input.fulfilment,
      delivery: input.delivery ? { ...input.delivery } : undefined,
      fromCart: !input.buyNow,
      placedAt: now.toISOString(),
      payment: {
        method: input.payment?.method ?? PaymentMethod.CARD,
        returnUrl: input.payment?.returnUrl?.trim() || undefined,
      },
    })),
    createdAt: now,
  });
  try {
    await em.insert(CheckoutClaim, mine);
    return { claim: mine, won: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await em.findOne(CheckoutClaim, { _id: claim.claimId }, { refresh: true });
    if (!winner) throw error;
    return { claim: winner, won: false };
  }
}

/**
 * Inserts the claim's orders by their fixed ids (a duplicate means someone already did) and
 * clears the ordered cart lines. Safe to run any number of times, from any process.
 */
export async function placeClaimedOrders(
  em: EntityManager,
  deps: OrdersDeps,
  claim: CheckoutClaim,
  traceId: string,
  /** The claim was just inserted by this call: no order of it can exist but a racing replay's. */
  fresh = false,
): Promise<Order[]> {
  const ids = claim.orderIds.map((id) => new ObjectId(id));
  const found = fresh ? [] : await em.find(Order, { _id: { $in: ids } }, { refresh: true });
  const have = new Set(found.map((o) => o.id));
  const inserted: Order[] = [];
  for (const raw of claim.drafts) {
    const draft = raw as unknown as ClaimedDraft;
    if (!have.has(draft.id)) {
      const placedAt = new Date(draft.placedAt);
      const order = em.create(Order, {
        _id: new ObjectId(draft.id),
        number: draft.number,
        checkoutId: claim._id,
        customerId: claim.customerId,
        storeId: draft.storeId,
        sellerId: draft.sellerId,
        fulfilment: draft.fulfilment,
        delivery: draft.delivery ? Object.assign(new DeliveryDetails(), draft.delivery) : undefined,
        pickupAt: draft.pickupAt ? new Date(draft.pickupAt) : undefined,
        lines: draft.lines.map((line) => Object.assign(new OrderLine(), line)),
        subtotal: draft.subtotal,
        couponId: draft.couponId ?? undefined,
        discount: draft.discount,
        deliveryFee: draft.deliveryFee,
        total: draft.total,
        paymentMethod: draft.payment?.method ?? PaymentMethod.CARD,
        paymentReturnUrl: draft.payment?.returnUrl,
        status: OrderStatus.PENDING,
        placedAt,
        updatedAt: placedAt,
      });
      recordEvent(
        order,
        orderPlaced,
        { source: SOURCE, subjectId: order.id, traceId, id: `${draft.id}:placed`, at: placedAt },
        {
          orderId: draft.id,
          orderNumber: draft.number,
          storeId: order.storeId,
          customerId: order.customerId,
          lines: order.lines.map((l) => ({
            productId: l.productId,
            quantity: l.quantity,
            flowers: l.recipe.map((r) => ({ flowerId: r.flowerId, count: r.count })),
          })),
          fulfilment: draft.pickupAt
            ? { type: 'PICKUP' as const, slotStart: draft.pickupAt }
            : { type: 'DELIVERY' as const },
          couponId: order.couponId,
          subtotal: order.subtotal,
          placedAt: draft.placedAt,
        },
      );
      try {
        await em.insert(Order, order);
        inserted.push(order);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    if (draft.fromCart) {
      await em.nativeDelete(CartLine, {
        customerId: claim.customerId,
        productId: { $in: draft.lines.map((l) => l.productId) },
        addedAt: { $lte: new Date(draft.placedAt) },
      });
    }
  }
  // What this call inserted is published as written; an order a racing replay placed is read.
  deps.relay.kickWritten('orders', inserted);
  const placedElsewhere = ids.filter((id) => !inserted.some((o) => o._id.equals(id)));
  if (placedElsewhere.length > 0) deps.relay.kick('orders', placedElsewhere);
  // Every order inserted here: they are what is stored. Otherwise read what a replay wrote.
  const orders =
    inserted.length === ids.length
      ? inserted
      : await em.find(Order, { _id: { $in: ids } }, { refresh: true });
  return claim.orderIds.map((id) => orders.find((o) => o.id === id)).filter((o): o is Order => !!o);
}
