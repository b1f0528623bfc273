import { createHash, randomBytes } from 'node:crypto';
import {
  type EntityManager,
  InvalidInputError,
  isDuplicateKeyError,
  recordEvent,
  seoulDate,
  simpleError,
} from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';
import { CartLine } from '../cart/cart-line.entity.js';
import { orderPlaced } from '@bloom/schema';
import { type OrdersDeps, SOURCE } from '../orders.deps.js';
import {
  CouponProjection,
  ProductProjection,
  StoreProjection,
} from '../projections/catalog.entities.js';
import {
  type CheckoutInput,
  CheckoutQuote,
  type CheckoutQuoteInput,
  CheckoutStoreQuote,
  CheckoutSuccess,
  CouponNotApplicableError,
  EmptyCartError,
  IdempotencyKeyReusedError,
  TotalMismatchError,
  UnavailableError,
} from './checkout.types.js';
import { couponDiscount, quote } from './pricing.js';
import {
  CheckoutClaim,
  DeliveryDetails,
  Fulfilment,
  Order,
  OrderLine,
  OrderStatus,
} from './order.entity.js';

/** Why a checkout cannot be priced (and so not placed). */
type PricingProblem =
  EmptyCartError | UnavailableError | CouponNotApplicableError | InvalidInputError;

export type CheckoutResult =
  CheckoutSuccess | TotalMismatchError | IdempotencyKeyReusedError | PricingProblem;

export type CheckoutQuoteResult = CheckoutQuote | PricingProblem;

/** The serializable draft of one order, kept in the checkout claim. */
interface OrderDraft {
  id: string;
  number: string;
  storeId: string;
  lines: Omit<OrderLine, never>[];
  subtotal: number;
  couponId?: string;
  discount: number;
  deliveryFee: number;
  total: number;
  pickupAt?: string;
}

function checkFulfilment(input: CheckoutQuoteInput, now: Date): InvalidInputError | null {
  if (input.fulfilment === Fulfilment.DELIVERY) {
    const d = input.delivery;
    if (!d) return InvalidInputError.of('delivery', 'Say where to deliver.', 'DELIVERY_REQUIRED');
    if (!d.recipientName.trim())
      return InvalidInputError.of('delivery.recipientName', 'Enter the recipient.');
    if (!/^01[016789]-?\d{3,4}-?\d{4}$/.test(d.phone.trim())) {
      return InvalidInputError.of(
        'delivery.phone',
        'Enter a mobile number such as 010-1234-5678.',
        'INVALID_PHONE',
      );
    }
    if (!/^\d{5}$/.test(d.zipCode.trim())) {
      return InvalidInputError.of(
        'delivery.zipCode',
        'Enter the five-digit postal code.',
        'INVALID_ZIP',
      );
    }
    if (!d.street.trim())
      return InvalidInputError.of('delivery.street', 'Enter the street address.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.deliveryDate) || d.deliveryDate < seoulDate(now)) {
      return InvalidInputError.of(
        'delivery.deliveryDate',
        'Choose today or a later date.',
        'INVALID_DATE',
      );
    }
    if (!d.window.trim()) return InvalidInputError.of('delivery.window', 'Choose a time window.');
    if ((d.note?.length ?? 0) > 300)
      return InvalidInputError.of('delivery.note', 'At most 300 characters.');
    return null;
  }
  const slots = input.pickupSlots ?? [];
  if (slots.length === 0) {
    return InvalidInputError.of('pickupSlots', 'Choose a pickup slot.', 'PICKUP_SLOT_REQUIRED');
  }
  for (const slot of slots) {
    const at = slot.startsAt;
    if (
      at.getTime() <= now.getTime() ||
      at.getUTCMinutes() % 30 !== 0 ||
      at.getUTCSeconds() !== 0
    ) {
      return InvalidInputError.of(
        'pickupSlots',
        'Pickup slots start every 30 minutes in the future.',
        'INVALID_SLOT',
      );
    }
  }
  return null;
}

/**
 * Checkout: prices everything on the server from the projections, refuses a differing client
 * total, and creates one PENDING order per store whose `orders.order.placed` event starts the
 * saga. The idempotency key is claimed by a unique insert that carries the complete drafts.
 */
export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  async checkout(
    customerId: string,
    input: CheckoutInput,
    traceId: string,
  ): Promise<CheckoutResult> {
    const key = input.idempotencyKey.trim();
    if (key.length < 8 || key.length > 100) {
      return InvalidInputError.of(
        'idempotencyKey',
        'Use 8 to 100 characters.',
        'INVALID_IDEMPOTENCY_KEY',
      );
    }
    const claimId = `${customerId}:${key}`;
    const { idempotencyKey: _key, ...request } = input;
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');

    const existing = await this.em.findOne(CheckoutClaim, { _id: claimId });
    if (existing) return this.replay(existing, requestHash, traceId);

    const now = this.deps.now();
    const problem = checkFulfilment(input, now);
    if (problem) return problem;
    const priced = await this.price(customerId, input, now, true);
    if (!Array.isArray(priced)) return priced;
    const drafts = priced;
    const serverTotal = drafts.reduce((sum, d) => sum + d.total, 0);
    if (serverTotal !== input.expectedTotal) {
      return Object.assign(
        simpleError(
          TotalMismatchError,
          'TOTAL_MISMATCH',
          `The total is ${serverTotal} KRW, not ${input.expectedTotal} KRW; prices or fees changed.`,
        ),
        { clientTotal: input.expectedTotal, serverTotal },
      );
    }

    const claim = this.em.create(CheckoutClaim, {
      _id: claimId,
      customerId,
      requestHash,
      orderIds: drafts.map((d) => d.id),
      drafts: drafts.map((d) => ({
        ...d,
        fulfilment: input.fulfilment,
        delivery: input.delivery ? { ...input.delivery } : undefined,
        fromCart: !input.buyNow,
        placedAt: now.toISOString(),
      })),
      createdAt: now,
    });
    try {
      await this.em.insert(CheckoutClaim, claim);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // A concurrent call with the same key won: return (and help finish) its result.
      const winner = await this.em.findOne(CheckoutClaim, { _id: claimId }, { refresh: true });
      if (!winner) throw error;
      return this.replay(winner, requestHash, traceId);
    }
    const orders = await this.materialize(claim, traceId);
    return Object.assign(new CheckoutSuccess(), { orders, total: serverTotal, replayed: false });
  }

  /**
   * What a checkout of `input` would order: one draft per store with its lines, coupon
   * discount, delivery fee and total, all computed here from the catalogue projections (the
   * client's amounts are never trusted), or why it cannot be ordered.
   */
  private async price(
    customerId: string,
    input: CheckoutQuoteInput,
    now: Date,
    placing: boolean,
  ): Promise<OrderDraft[] | PricingProblem> {
    const wanted = input.buyNow
      ? [{ productId: input.buyNow.productId, quantity: input.buyNow.quantity }]
      : (await this.em.find(CartLine, { customerId }, { orderBy: { addedAt: 'asc' } })).map(
          (line) => ({ productId: line.productId, quantity: line.quantity }),
        );
    if (wanted.length === 0) {
      return simpleError(EmptyCartError, 'EMPTY_CART', 'There is nothing to order.');
    }
    if (wanted.some((w) => !Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > 999)) {
      return InvalidInputError.of('quantity', 'Order 1 to 999 of a product.', 'INVALID_QUANTITY');
    }
    const products = await this.em.find(ProductProjection, {
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
    const stores = new Map(
      (await this.em.find(StoreProjection, { _id: { $in: storeIds } })).map((s) => [s._id, s]),
    );
    const couponIds = (input.coupons ?? []).map((c) => c.couponId);
    const coupons = new Map(
      (couponIds.length
        ? await this.em.find(CouponProjection, { _id: { $in: couponIds } })
        : []
      ).map((c) => [c._id, c]),
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

  /**
   * The server's amounts for a checkout, before it is placed: nothing is reserved or kept, and
   * the delivery address or pickup slots need not be filled in yet.
   */
  async quote(customerId: string, input: CheckoutQuoteInput): Promise<CheckoutQuoteResult> {
    const priced = await this.price(customerId, input, this.deps.now(), false);
    if (!Array.isArray(priced)) return priced;
    return Object.assign(new CheckoutQuote(), {
      total: priced.reduce((sum, d) => sum + d.total, 0),
      stores: priced.map((d) =>
        Object.assign(new CheckoutStoreQuote(), {
          storeId: d.storeId,
          subtotal: d.subtotal,
          discount: d.discount,
          deliveryFee: d.deliveryFee,
          total: d.total,
        }),
      ),
    });
  }

  private async replay(
    claim: CheckoutClaim,
    requestHash: string,
    traceId: string,
  ): Promise<CheckoutResult> {
    if (claim.requestHash !== requestHash) {
      return simpleError(
        IdempotencyKeyReusedError,
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was used for a different checkout.',
      );
    }
    const orders = await this.materialize(claim, traceId);
    return Object.assign(new CheckoutSuccess(), {
      orders,
      total: orders.reduce((sum, o) => sum + o.total, 0),
      replayed: true,
    });
  }

  /**
   * Inserts the claim's orders by their fixed ids (a duplicate means someone already did) and
   * clears the ordered cart lines. Safe to run any number of times, from any process.
   */
  async materialize(claim: CheckoutClaim, traceId: string): Promise<Order[]> {
    const ids = claim.orderIds.map((id) => new ObjectId(id));
    const found = await this.em.find(Order, { _id: { $in: ids } }, { refresh: true });
    const have = new Set(found.map((o) => o.id));
    for (const raw of claim.drafts) {
      const draft = raw as unknown as OrderDraft & {
        fulfilment: Fulfilment;
        delivery?: DeliveryDetails;
        fromCart: boolean;
        placedAt: string;
      };
      if (!have.has(draft.id)) {
        const placedAt = new Date(draft.placedAt);
        const order = this.em.create(Order, {
          _id: new ObjectId(draft.id),
          number: draft.number,
          checkoutId: claim._id,
          customerId: claim.customerId,
          storeId: draft.storeId,
          fulfilment: draft.fulfilment,
          delivery: draft.delivery
            ? Object.assign(new DeliveryDetails(), draft.delivery)
            : undefined,
          pickupAt: draft.pickupAt ? new Date(draft.pickupAt) : undefined,
          lines: draft.lines.map((line) => Object.assign(new OrderLine(), line)),
          subtotal: draft.subtotal,
          couponId: draft.couponId ?? undefined,
          discount: draft.discount,
          deliveryFee: draft.deliveryFee,
          total: draft.total,
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
          await this.em.insert(Order, order);
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
      }
      if (draft.fromCart) {
        await this.em.nativeDelete(CartLine, {
          customerId: claim.customerId,
          productId: { $in: draft.lines.map((l) => l.productId) },
          addedAt: { $lte: new Date(draft.placedAt) },
        });
      }
    }
    this.deps.relay.kick();
    const orders = await this.em.find(Order, { _id: { $in: ids } }, { refresh: true });
    return claim.orderIds
      .map((id) => orders.find((o) => o.id === id))
      .filter((o): o is Order => !!o);
  }
}
