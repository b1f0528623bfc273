import {
  type EntityManager,
  type Page,
  findPage,
  newestFirst,
  seoulDate,
  seoulInstant,
  seoulPeriodStart,
} from '@bloom/kernel';
import type { FilterQuery } from '@mikro-orm/core';
import type { OrdersDeps } from '../orders.deps.js';
import { Fulfilment, Order, OrderStatus } from '../orders/order.entity.js';
import { SOLD } from '../reporting/reporting.service.js';
import { type AdminOrderFilter, PlatformSummary } from './admin-orders.types.js';

const NEWEST_FIRST = newestFirst<Order>(
  'placedAt',
  (order) => order.placedAt,
  (order) => order.id,
);

/** Delivery orders on their way (not yet DELIVERED, not canceled). */
const DELIVERY_OPEN = [OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.SHIPPING];
/** Pickup orders not yet collected. */
const PICKUP_OPEN = [OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY];

/** Admin look-ups over every order, and the platform's totals. */
export class AdminOrdersService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  /**
   * The orders that need staff (see AdminOrderFilter.overdue). Each alternative leads with
   * `status`, so it is served by the (status, placedAt) index or one of the deadline indexes
   * on the order.
   */
  private overdue(): FilterQuery<Order> {
    const now = this.deps.now();
    const { SAGA_STEP_TIMEOUT_MS, PICKUP_GRACE_HOURS } = this.deps.config;
    // A pickup is due by the end of its Seoul day plus the grace: that is, picked up before
    // the start of the Seoul day the grace period reaches back to.
    const pickupDue = seoulInstant(
      seoulDate(new Date(now.getTime() - PICKUP_GRACE_HOURS * 3600_000)),
      0,
    );
    return {
      $or: [
        { status: OrderStatus.FAILED },
        {
          status: OrderStatus.PENDING,
          placedAt: { $lt: new Date(now.getTime() - SAGA_STEP_TIMEOUT_MS) },
        },
        {
          status: { $in: DELIVERY_OPEN },
          fulfilment: Fulfilment.DELIVERY,
          delivery: { deliveryDate: { $lt: seoulDate(now) } },
        },
        {
          status: { $in: PICKUP_OPEN },
          fulfilment: Fulfilment.PICKUP,
          pickupAt: { $lt: pickupDue },
        },
      ],
    };
  }

  list(filter: AdminOrderFilter, first: number, after?: string): Promise<Page<Order>> {
    const where: Record<string, unknown> = {};
    if (filter.number) where.number = filter.number.trim();
    if (filter.customerId) where.customerId = filter.customerId;
    if (filter.storeId) where.storeId = filter.storeId;
    if (filter.status) where.status = filter.status;
    const query: FilterQuery<Order> = filter.overdue ? { $and: [where, this.overdue()] } : where;
    return findPage(this.em, Order, query, NEWEST_FIRST, first, after);
  }

  /** Totals over the last `days` Asia/Seoul days, today included. */
  async summary(days: number): Promise<PlatformSummary> {
    const since = seoulPeriodStart(this.deps.now(), days);
    const [sold, failedCheckouts, canceledOrders] = await Promise.all([
      this.em
        .getConnection()
        .getCollection<Order>('orders')
        .aggregate<{ gmv: number; orders: number }>([
          { $match: { status: { $in: SOLD }, confirmedAt: { $gte: since } } },
          { $group: { _id: null, gmv: { $sum: '$total' }, orders: { $sum: 1 } } },
        ])
        .toArray(),
      this.em.count(Order, { status: OrderStatus.FAILED, placedAt: { $gte: since } }),
      this.em.count(Order, { status: OrderStatus.CANCELED, canceledAt: { $gte: since } }),
    ]);
    return Object.assign(new PlatformSummary(), {
      gmv: sold[0]?.gmv ?? 0,
      orders: sold[0]?.orders ?? 0,
      failedCheckouts,
      canceledOrders,
    });
  }
}
