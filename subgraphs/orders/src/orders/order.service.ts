import {
  type AuthenticatedCaller,
  type EntityManager,
  type Page,
  findPage,
  hasRole,
  newestFirst,
} from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';
import type { OrdersDeps } from '../orders.deps.js';
import { StoreProjection } from '../projections/catalog.entities.js';
import { Fulfilment, Order, OrderStatus } from './order.entity.js';
import type { OrderFilter } from './order.types.js';

const NEWEST_FIRST = newestFirst<Order>(
  'placedAt',
  (order) => order.placedAt,
  (order) => order.id,
);

/** The read side: customer history, seller boards, and who may see which order. */
export class OrderQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  /** Whether the caller owns the store (learned from stores.store.opened). */
  async ownsStore(userId: string, storeId: string): Promise<boolean> {
    const store = await this.em.findOne(StoreProjection, { _id: storeId });
    return !!store && store.ownerId === userId;
  }

  /** The order if the caller may see it: its customer, its store's owner, or an admin. */
  async visible(caller: AuthenticatedCaller, order: Order | null): Promise<Order | null> {
    if (!order) return null;
    if (order.customerId === caller.userId || hasRole(caller, 'ADMIN')) return order;
    if (hasRole(caller, 'SELLER') && (await this.ownsStore(caller.userId, order.storeId)))
      return order;
    return null;
  }

  byIds(ids: readonly string[]): Promise<Order[]> {
    const valid = ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id));
    return valid.length ? this.em.find(Order, { _id: { $in: valid } }) : Promise.resolve([]);
  }

  /** Newest first, cursor-paged. */
  list(
    scope: { customerId?: string; storeId?: string },
    filter: OrderFilter,
    first: number,
    after?: string,
  ): Promise<Page<Order>> {
    const where: Record<string, unknown> = { ...scope };
    if (filter.fulfilment) where.fulfilment = filter.fulfilment;
    if (filter.statuses?.length) where.status = { $in: filter.statuses };
    if (filter.from || filter.to) {
      where.placedAt = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    }
    return findPage(this.em, Order, where, NEWEST_FIRST, first, after);
  }

  /** Pickups still to collect, soonest first: shown above the history. */
  upcomingPickups(customerId: string): Promise<Order[]> {
    return this.em.find(
      Order,
      {
        customerId,
        fulfilment: Fulfilment.PICKUP,
        status: { $in: [OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.READY] },
        pickupAt: { $gte: new Date(this.deps.now().getTime() - 3600_000) },
      },
      { orderBy: { pickupAt: 'asc' } },
    );
  }
}
