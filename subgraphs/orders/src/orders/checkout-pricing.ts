import { randomBytes } from 'node:crypto';
import { type EntityManager, InvalidInputError, seoulDate, simpleError } from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';
import { CartLine } from '../cart/cart-line.entity.js';
import {
  CouponProjection,
  FlowerStockProjection,
  ProductProjection,
  StoreProjection,
} from '../projections/catalog.entities.js';
import {
  couponFulfilmentProblem,
  deliveryCalendarProblem,
  stockShortage,
} from './checkout-rules.js';
import {
  CouponNotApplicableError,
  EmptyCartError,
  NotEnoughStockError,
  UnavailableError,
} from './checkout.errors.js';
import type { CheckoutQuoteInput } from './checkout.types.js';
import type { OrderLine } from './order-line.entity.js';
import { Fulfilment } from './order.entity.js';
import { couponDiscount, quote } from './pricing.js';

/** Why a checkout cannot be priced (and so not placed). */
export type PricingProblem =
  | EmptyCartError
  | UnavailableError
  | NotEnoughStockError
  | CouponNotApplicableError
  | InvalidInputError;

/** The serializable draft of one order, kept in the checkout claim. */
export interface OrderDraft {
  id: string;
  number: string;
  storeId: string;
  /** The store's owner when priced: every fulfilment event names them. */
  sellerId?: string;
  lines: Omit<OrderLine, never>[];
  subtotal: number;
  couponId?: string;
  discount: number;
  deliveryFee: number;
  total: number;
  pickupAt?: string;
}

/**
 * What a checkout of `input` would order: one draft per store with its lines, coupon
 * discount, delivery fee and total, all computed here from the catalogue projections (the
 * client's amounts are never trusted), or why it cannot be ordered.
 */
export async function priceCheckout(
  em: EntityManager,
  customerId: string,
  input: CheckoutQuoteInput,
  now: Date,
  placing: boolean,
): Promise<OrderDraft[] | PricingProblem> {
  const wanted = input.buyNow
    ? [{ productId: input.buyNow.productId, quantity: input.buyNow.quantity }]
    : (await em.find(CartLine, { customerId }, { orderBy: { addedAt: 'asc' } })).map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
      }));
  if (wanted.length === 0) {
    return simpleError(EmptyCartError, 'EMPTY_CART', 'There is nothing to order.');
  }
  if (wanted.some((w) => !Number.isInteger(w.quantity) || w.quantity < 1)) {
    return InvalidInputError.of('quantity', 'Order 1 to 999 of a product.', 'INVALID_QUANTITY');
  }
  const products = await em.find(ProductProjection, {
    _id: { $in: wanted.map((w) => w.productId) },
  });
  const byId = new Map(products.map((p) => [p._id, p]));
  for (const w of wanted) {
    const product = byId.get(w.productId);
    if (!product || product.status !== 'ON_SALE') {
      return Object.assign(
        simpleError(UnavailableError, 'PRODUCT_UNAVAILABLE', 'A product is not on sale.'),
        { resourceId: w.productId },
      );
    }
  }
  const storeIds = [
    ...new Set(wanted.map((w) => (byId.get(w.productId) as ProductProjection).storeId)),
  ];
  // Before the bound below, so a shopper asking for too many learns how many there are.
  const shortage = await findShortage(em, storeIds, wanted, byId);
  if (shortage) {
    return Object.assign(
      simpleError(
        NotEnoughStockError,
        'INSUFFICIENT_STOCK',
        `Only ${shortage.available} can be made now.`,
      ),
      shortage,
    );
  }
  if (wanted.some((w) => w.quantity > 999)) {
    return InvalidInputError.of('quantity', 'Order 1 to 999 of a product.', 'INVALID_QUANTITY');
  }
  const stores = new Map(
    (await em.find(StoreProjection, { _id: { $in: storeIds } })).map((s) => [s._id, s]),
  );
  const couponIds = (input.coupons ?? []).map((c) => c.couponId);
  const coupons = new Map(
    (couponIds.length ? await em.find(CouponProjection, { _id: { $in: couponIds } }) : []).map(
      (c) => [c._id, c],
    ),
  );

  const drafts: OrderDraft[] = [];
  for (const storeId of storeIds) {
    const store = stores.get(storeId);
    if (!store || store.status !== 'OPEN') {
      return Object.assign(
        simpleError(UnavailableError, 'STORE_UNAVAILABLE', 'The store is not taking orders.'),
        { resourceId: storeId },
      );
    }
    if (input.fulfilment === Fulfilment.DELIVERY && input.delivery) {
      const calendar = deliveryCalendarProblem(store, input.delivery, now);
      if (calendar) return calendar;
    }
    let pickupAt: Date | undefined;
    // A quote needs only the kind of fulfilment; placing needs every store's slot.
    if (placing && input.fulfilment === Fulfilment.PICKUP) {
      pickupAt = input.pickupSlots?.find((s) => s.storeId === storeId)?.startsAt;
      if (!pickupAt) {
        return InvalidInputError.of(
          'pickupSlots',
          'Choose a pickup slot for every store.',
          'PICKUP_SLOT_REQUIRED',
        );
      }
    }
    const id = new ObjectId().toHexString();
    const lines = wanted
      .filter((w) => (byId.get(w.productId) as ProductProjection).storeId === storeId)
      .map((w) => {
        const product = byId.get(w.productId) as ProductProjection;
        return {
          id: `${id}:${product._id}`,
          productId: product._id,
          productName: product.name,
          unitPrice: product.price,
          quantity: w.quantity,
          amount: product.price * w.quantity,
          recipe: product.recipe,
        };
      });
    const base = quote(lines, store, input.fulfilment === Fulfilment.DELIVERY);
    const choice = input.coupons?.find((c) => c.storeId === storeId);
    let discount = 0;
    if (choice) {
      const coupon = coupons.get(choice.couponId);
      const wrongWay =
        coupon && coupon.storeId === storeId
          ? couponFulfilmentProblem(coupon, input.fulfilment)
          : null;
      if (wrongWay) {
        return Object.assign(
          simpleError(CouponNotApplicableError, 'COUPON_NOT_APPLICABLE', wrongWay),
          { couponId: choice.couponId },
        );
      }
      const applies =
        coupon &&
        coupon.storeId === storeId &&
        (!coupon.startsAt || coupon.startsAt <= now) &&
        (!coupon.endsAt || coupon.endsAt >= now)
          ? couponDiscount(coupon, base.subtotal)
          : null;
      if (applies === null) {
        return Object.assign(
          simpleError(
            CouponNotApplicableError,
            'COUPON_NOT_APPLICABLE',
            'The coupon cannot be used on this order.',
          ),
          { couponId: choice.couponId },
        );
      }
      discount = applies;
    }
    drafts.push({
      id,
      number: `${seoulDate(now).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`,
      storeId,
      sellerId: store.ownerId,
      lines,
      subtotal: base.subtotal,
      couponId: choice?.couponId,
      discount,
      deliveryFee: base.deliveryFee,
      total: base.total - discount,
      pickupAt: pickupAt?.toISOString(),
    });
  }
  return drafts;
}

/** The first wanted line a store's projected flower stock cannot make (stores per store). */
async function findShortage(
  em: EntityManager,
  storeIds: string[],
  wanted: { productId: string; quantity: number }[],
  products: Map<string, ProductProjection>,
): Promise<{ productId: string; available: number } | null> {
  const levels = await em.find(FlowerStockProjection, { storeId: { $in: storeIds } });
  for (const storeId of storeIds) {
    const stock = new Map(
      levels.filter((l) => l.storeId === storeId).map((l) => [l.flowerId, l.available]),
    );
    const lines = wanted
      .map((w) => ({ ...w, product: products.get(w.productId) as ProductProjection }))
      .filter((w) => w.product.storeId === storeId)
      .map((w) => ({ productId: w.productId, quantity: w.quantity, recipe: w.product.recipe }));
    const shortage = stockShortage(lines, stock);
    if (shortage) return shortage;
  }
  return null;
}
