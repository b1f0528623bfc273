import { type EntityManager, isDuplicateKeyError, simpleError } from '@bloom/kernel';
import { InvalidInputError } from '@bloom/kernel';
import { productRef, storeRef } from '../federation/entity-refs.js';
import type { OrdersDeps } from '../orders.deps.js';
import { deliveryFeeFor } from '../orders/pricing.js';
import { UnavailableError } from '../orders/checkout.errors.js';
import { ProductProjection, StoreProjection } from '../projections/catalog.entities.js';
import { CartLine } from './cart-line.entity.js';
import { Cart, CartLineView, CartStoreGroup } from './cart.types.js';

const MAX_QUANTITY = 999;

export class CartService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  async view(customerId: string): Promise<Cart> {
    const lines = await this.em.find(CartLine, { customerId }, { orderBy: { addedAt: 'asc' } });
    const products = new Map(
      (lines.length
        ? await this.em.find(ProductProjection, { _id: { $in: lines.map((l) => l.productId) } })
        : []
      ).map((p) => [p._id, p]),
    );
    const storeIds = [...new Set(lines.map((l) => l.storeId))];
    const stores = new Map(
      (storeIds.length ? await this.em.find(StoreProjection, { _id: { $in: storeIds } }) : []).map(
        (s) => [s._id, s],
      ),
    );
    const groups = storeIds.map((storeId) => {
      const store = stores.get(storeId);
      const views = lines
        .filter((l) => l.storeId === storeId)
        .map((line) => {
          const product = products.get(line.productId);
          const unitPrice = product?.price ?? 0;
          return Object.assign(new CartLineView(), {
            id: line.id,
            product: productRef(line.productId),
            quantity: line.quantity,
            unitPrice,
            amount: unitPrice * line.quantity,
            available: product?.status === 'ON_SALE',
          });
        });
      const subtotal = views.filter((v) => v.available).reduce((sum, v) => sum + v.amount, 0);
      const policy = {
        deliveryFee: store?.deliveryFee ?? 0,
        freeDeliveryThreshold: store?.freeDeliveryThreshold,
      };
      return Object.assign(new CartStoreGroup(), {
        store: storeRef(storeId),
        lines: views,
        subtotal,
        deliveryFee: subtotal > 0 ? deliveryFeeFor(policy, subtotal, true) : 0,
        freeDeliveryThreshold: store?.freeDeliveryThreshold ?? undefined,
      });
    });
    return Object.assign(new Cart(), {
      groups,
      total: groups.reduce((sum, g) => sum + g.subtotal + g.deliveryFee, 0),
      itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    });
  }

  /** Adds to the line of the product, creating it if needed. */
  async add(
    customerId: string,
    productId: string,
    quantity: number,
  ): Promise<Cart | InvalidInputError | UnavailableError> {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      return InvalidInputError.of('quantity', `Add 1 to ${MAX_QUANTITY}.`, 'INVALID_QUANTITY');
    }
    const product = await this.em.findOne(ProductProjection, { _id: productId });
    if (!product || product.status !== 'ON_SALE') {
      return Object.assign(
        simpleError(UnavailableError, 'PRODUCT_UNAVAILABLE', 'This product is not on sale.'),
        { resourceId: productId },
      );
    }
    const line = this.em.create(CartLine, {
      customerId,
      productId,
      storeId: product.storeId,
      quantity,
      addedAt: this.deps.now(),
    });
    try {
      await this.em.insert(CartLine, line);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // The line exists (unique per customer and product): merge the quantities.
      const existing = await this.em.findOneOrFail(
        CartLine,
        { customerId, productId },
        { refresh: true },
      );
      existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity);
      await this.em.flush();
    }
    return this.view(customerId);
  }

  /** Sets a line's quantity; below 1 removes the line. */
  async setQuantity(
    customerId: string,
    productId: string,
    quantity: number,
  ): Promise<Cart | InvalidInputError | UnavailableError> {
    if (!Number.isInteger(quantity) || quantity > MAX_QUANTITY) {
      return InvalidInputError.of('quantity', `At most ${MAX_QUANTITY}.`, 'INVALID_QUANTITY');
    }
    if (quantity < 1) {
      await this.em.nativeDelete(CartLine, { customerId, productId });
      return this.view(customerId);
    }
    const existing = await this.em.findOne(CartLine, { customerId, productId });
    if (!existing) return this.add(customerId, productId, quantity);
    existing.quantity = quantity;
    await this.em.flush();
    return this.view(customerId);
  }

  async clear(customerId: string): Promise<Cart> {
    await this.em.nativeDelete(CartLine, { customerId });
    return this.view(customerId);
  }
}
