import {
  type EntityManager,
  createEvent,
  isDuplicateKeyError,
  simpleError,
  unitsAvailable,
} from '@bloom/kernel';
import { productRestocked } from '@bloom/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { type ProductsDeps, SOURCE } from '../products.deps.js';
import { SaleStatus } from '../products/product.entity.js';
import { findProductById } from '../products/product.repository.js';
import { ProductNotFoundError } from '../products/product.errors.js';
import { StoreDirectory } from '../stores/store.directory.js';
import { RestockAlert, RestockFiring, RestockNotice } from './restock.entities.js';
import { ProductAvailableError } from './restock.errors.js';
import { RestockAlertView } from './restock.types.js';

const view = (alert: RestockAlert) =>
  Object.assign(new RestockAlertView(), {
    id: alert._id,
    productId: alert.productId,
    createdAt: alert.createdAt,
  });

/**
 * Restock alerts. Subscribing inserts an alert; a restock consumes alerts by inserting one
 * firing per alert (unique), so every alert fires exactly once, and records one notice whose
 * event names the subscribers.
 */
export class RestockService {
  private readonly stores: StoreDirectory;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProductsDeps,
  ) {
    this.stores = new StoreDirectory(em);
  }

  async subscribe(
    userId: string,
    productId: string,
  ): Promise<RestockAlertView | ProductAvailableError | ProductNotFoundError> {
    const product = await findProductById(this.em, productId);
    if (!product?.listed || !(await this.stores.isOpen(product.storeId))) {
      return simpleError(ProductNotFoundError, 'PRODUCT_NOT_FOUND', 'No such product on sale.');
    }
    if (product.saleStatus === SaleStatus.ON_SALE && product.stockRank === 0) {
      return simpleError(
        ProductAvailableError,
        'PRODUCT_AVAILABLE',
        'This product is available; order it now.',
      );
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const fired = await this.em.count(RestockFiring, { productId: product.id, userId });
      const alert = Object.assign(new RestockAlert(), {
        _id: `${product.id}:${userId}:${fired}`,
        productId: product.id,
        storeId: product.storeId,
        userId,
        createdAt: this.deps.now(),
      });
      try {
        await this.em.insert(RestockAlert, alert);
        return view(alert);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Already waiting, unless that alert fired a moment ago: then count again.
      if (!(await this.em.findOne(RestockFiring, { _id: alert._id }))) {
        const existing = await this.em.findOne(RestockAlert, { _id: alert._id });
        if (existing) return view(existing);
      }
    }
    throw new Error('could not record the restock alert');
  }

  /** Alerts of these products that have not fired. */
  private async waiting(filter: FilterQuery<RestockAlert>): Promise<RestockAlert[]> {
    const alerts = await this.em.find(RestockAlert, filter, {
      orderBy: { createdAt: 'asc', _id: 'asc' },
    });
    if (alerts.length === 0) return [];
    const fired = await this.em.find(RestockFiring, { _id: { $in: alerts.map((a) => a._id) } });
    const firedIds = new Set(fired.map((firing) => firing._id));
    return alerts.filter((alert) => !firedIds.has(alert._id));
  }

  async cancel(userId: string, productId: string): Promise<boolean> {
    const pending = await this.waiting({ productId, userId });
    if (pending.length === 0) return false;
    await this.em.nativeDelete(RestockAlert, { _id: { $in: pending.map((a) => a._id) } });
    return true;
  }

  async pendingOf(userId: string): Promise<RestockAlertView[]> {
    return (await this.waiting({ userId })).map(view);
  }

  /** Which of these products the user is waiting for (one batch for a whole listing). */
  async waitingFor(userId: string, productIds: readonly string[]): Promise<Set<string>> {
    const pending = await this.waiting({ userId, productId: { $in: [...productIds] } });
    return new Set(pending.map((alert) => alert.productId));
  }

  /**
   * A product may be sellable again: notify the oldest waiting subscribers, at most as many
   * as the stock can serve; the rest keep waiting. `noticeId` derives from the causing event,
   * so a redelivery re-sends the same subscribers in the same notice, or nothing once it is
   * recorded.
   */
  async fire(productId: string, noticeId: string, traceId: string): Promise<string[]> {
    if (await this.em.findOne(RestockNotice, { _id: noticeId })) return [];
    const product = await findProductById(this.em, productId);
    if (
      product?.saleStatus !== SaleStatus.ON_SALE ||
      !(await this.stores.isOpen(product.storeId))
    ) {
      return [];
    }
    const units = unitsAvailable(product.recipe, await this.stores.stockOf(product.storeId));
    if (units <= 0) return [];
    // An earlier attempt of this notice may have claimed alerts before it could be recorded.
    const claimed = await this.em.find(RestockFiring, { noticeId });
    const subscribers = claimed.map((firing) => firing.userId);
    const room = units - claimed.length;
    if (room > 0) {
      for (const alert of (await this.waiting({ productId: product.id })).slice(0, room)) {
        try {
          await this.em.insert(RestockFiring, {
            _id: alert._id,
            noticeId,
            productId: product.id,
            userId: alert.userId,
            firedAt: this.deps.now(),
          });
          subscribers.push(alert.userId);
        } catch (error) {
          // Fired by a concurrent notice: it is that notice's subscriber.
          if (!isDuplicateKeyError(error)) throw error;
        }
      }
    }
    const subscriberIds = [...new Set(subscribers)];
    if (subscriberIds.length === 0) return [];
    const event = createEvent(
      productRestocked,
      { source: SOURCE, subjectId: product.id, sequence: 1, traceId },
      { productId: product.id, storeId: product.storeId, subscriberIds, availableQuantity: units },
    );
    try {
      await this.em.insert(RestockNotice, {
        _id: noticeId,
        productId: product.id,
        subscriberIds,
        availableQuantity: units,
        createdAt: this.deps.now(),
        outbox: [event],
        eventSequence: 1,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return [];
    }
    this.deps.relay.kick('restock_notices', noticeId);
    return subscriberIds;
  }
}
