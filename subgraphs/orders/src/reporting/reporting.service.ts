import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  addDays,
  isDuplicateKeyError,
  recordEvent,
  seoulDate,
  seoulInstant,
  seoulPeriodStart,
} from '@bloom/kernel';
import { ordersAdminActionRecorded } from '@bloom/schema';
import { productRef, storeRef } from '../federation/entity-refs.js';
import { type OrdersDeps, SOURCE } from '../orders.deps.js';
import { Order, OrderStatus } from '../orders/order.entity.js';
import { StoreProjection } from '../projections/catalog.entities.js';
import { DailySales, ProductSales, StoreSales } from './reporting.types.js';
import { SettlementRun } from './settlement-run.entity.js';
import { Settlement } from './settlement.entity.js';

const DAY_MS = 24 * 3600_000;

/** Sales that count: confirmed and not canceled (in progress or completed). */
export const SOLD = [
  OrderStatus.CONFIRMED,
  OrderStatus.PREPARING,
  OrderStatus.SHIPPING,
  OrderStatus.DELIVERED,
  OrderStatus.READY,
  OrderStatus.PICKED_UP,
];

/** UTC bounds of an Asia/Seoul calendar month `YYYY-MM`. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const firstDay = (monthIndex: number) =>
    new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
  return { start: seoulInstant(firstDay(m - 1), 0), end: seoulInstant(firstDay(m), 0) };
}

/** Settlement and sales statistics over the orders collection. */
export class ReportingService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  private orders() {
    return this.em.getConnection().getCollection<Order>('orders');
  }

  /** Per store: the sum of order totals and the number of orders matching `match`. */
  private byStore(
    match: Record<string, unknown>,
  ): Promise<{ _id: string; amount: number; count: number }[]> {
    return this.orders()
      .aggregate<{ _id: string; amount: number; count: number }>([
        { $match: match },
        { $group: { _id: '$storeId', amount: { $sum: '$total' }, count: { $sum: 1 } } },
      ])
      .toArray();
  }

  /**
   * Settles every store with orders completed in the month: gross minus the commission.
   * Each settlement is a unique insert, so the job is idempotent per (month, store). The run
   * itself is recorded first, with its audit event, by the admin who asked for it.
   */
  async settleMonth(month: string, adminId: string, traceId: string): Promise<Settlement[]> {
    const { start, end } = monthBounds(month);
    const run = Object.assign(new SettlementRun(), {
      _id: randomUUID(),
      month,
      adminId,
      at: this.deps.now(),
    });
    recordEvent(
      run,
      ordersAdminActionRecorded,
      { source: SOURCE, subjectId: run._id, traceId, at: run.at },
      {
        actorId: adminId,
        action: 'SETTLEMENT_RUN',
        targetKind: 'SETTLEMENT',
        targetId: month,
        targetLabel: month,
      },
    );
    await this.em.insert(SettlementRun, run);
    this.deps.relay.kick(run);
    const groups = await this.byStore({
      status: { $in: [OrderStatus.DELIVERED, OrderStatus.PICKED_UP] },
      completedAt: { $gte: start, $lt: end },
    });
    const stores = new Map(
      (await this.em.find(StoreProjection, { _id: { $in: groups.map((g) => g._id) } })).map((s) => [
        s._id,
        s,
      ]),
    );
    const percent = this.deps.config.COMMISSION_PERCENT;
    for (const group of groups) {
      const commission = Math.round((group.amount * percent) / 100);
      try {
        await this.em.insert(Settlement, {
          _id: `${month}:${group._id}`,
          month,
          storeId: group._id,
          regionCode: stores.get(group._id)?.regionCode,
          orderCount: group.count,
          gross: group.amount,
          commissionPercent: percent,
          commission,
          payout: group.amount - commission,
          createdAt: this.deps.now(),
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return this.settlements({ month });
  }

  settlements(filter: {
    month?: string;
    regionCode?: string;
    storeId?: string;
  }): Promise<Settlement[]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.em.find(Settlement, where, { orderBy: { month: 'desc', gross: 'desc' } });
  }

  /**
   * The last `days` Asia/Seoul days including today, oldest first, zero-filled: of one store,
   * or of the whole platform when `storeId` is undefined.
   */
  async dailySales(storeId: string | undefined, days = 7): Promise<DailySales[]> {
    const since = seoulPeriodStart(this.deps.now(), days);
    const firstDay = seoulDate(since);
    const orders = await this.em.find(
      Order,
      {
        ...(storeId ? { storeId } : {}),
        status: { $in: SOLD },
        confirmedAt: { $gte: since },
      },
      { fields: ['confirmedAt', 'total'] },
    );
    const byDay = new Map<string, DailySales>();
    for (let i = 0; i < days; i += 1) {
      const date = addDays(firstDay, i);
      byDay.set(date, Object.assign(new DailySales(), { date, orderCount: 0, amount: 0 }));
    }
    for (const order of orders) {
      const day = byDay.get(seoulDate(order.confirmedAt as Date));
      if (!day) continue;
      day.orderCount += 1;
      day.amount += order.total;
    }
    return [...byDay.values()];
  }

  /** Best-selling products by units over the last `days` days: of a store, or the platform's. */
  async topProducts(storeId: string | undefined, days = 30, limit = 10): Promise<ProductSales[]> {
    const since = new Date(this.deps.now().getTime() - days * DAY_MS);
    const orders = await this.em.find(
      Order,
      { ...(storeId ? { storeId } : {}), status: { $in: SOLD }, confirmedAt: { $gte: since } },
      { fields: ['lines'] },
    );
    const totals = new Map<string, ProductSales>();
    for (const line of orders.flatMap((o) => o.lines)) {
      const entry =
        totals.get(line.productId) ??
        Object.assign(new ProductSales(), {
          product: productRef(line.productId),
          productName: line.productName,
          quantity: 0,
          amount: 0,
        });
      entry.quantity += line.quantity;
      entry.amount += line.amount;
      totals.set(line.productId, entry);
    }
    return [...totals.values()]
      .sort((a, b) => b.quantity - a.quantity || b.amount - a.amount)
      .slice(0, limit);
  }

  /** Admin: the stores with the highest sales over the last `days` days. */
  async topStores(days = 30, limit = 10): Promise<StoreSales[]> {
    const since = new Date(this.deps.now().getTime() - days * DAY_MS);
    const groups = await this.byStore({ status: { $in: SOLD }, confirmedAt: { $gte: since } });
    return groups
      .sort((a, b) => b.amount - a.amount)
      .slice(0, limit)
      .map((g) =>
        Object.assign(new StoreSales(), {
          store: storeRef(g._id),
          orderCount: g.count,
          amount: g.amount,
        }),
      );
  }
}
