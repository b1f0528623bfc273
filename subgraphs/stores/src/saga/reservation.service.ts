import type { EntityManager, Logger, PayloadOf } from '@bloom/kernel';
import {
  inventoryCommitted,
  inventoryRejected,
  inventoryReleased,
  inventoryReserved,
  type orderPlaced,
  type reservationRejectionReason,
} from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import type { z } from 'zod';
import { stockPayload } from '../inventory/inventory.service.js';
import { alertLowStock } from '../inventory/low-stock.js';
import type { StockEntry } from '../inventory/stock-entry.entity.js';
import { type StockLedger, type StockLevel, levelAfter } from '../inventory/stock.ledger.js';
import type { PickupBook } from '../pickup/pickup.book.js';
import { slotProblem } from '../pickup/pickup-slots.js';
import { storesEvent } from '../shared/outbox.js';
import { isFlowerId } from '../shared/reference.data.js';
import { Store, StoreStatus } from '../stores/store.entity.js';
import type { StoreStatusLog } from '../stores/store-status.log.js';
import type { StoresDeps } from '../stores.deps.js';
import type {
  CouponRedemptionService,
  CouponRejectionReason,
} from './coupon-redemption.service.js';
import { type SagaSteps, StepNotReadyError, type StoredStep } from './saga-steps.js';

type OrderPlaced = PayloadOf<typeof orderPlaced>;
type RejectionReason = z.infer<typeof reservationRejectionReason>;

export interface FlowerQuantity {
  flowerId: number;
  quantity: number;
}

interface IntentData extends Record<string, unknown> {
  flowers: FlowerQuantity[];
  slotStart: string | null;
}

interface ReserveData extends Record<string, unknown> {
  flowers: FlowerQuantity[];
  slotStart: string | null;
  seat: number | null;
  reason: RejectionReason | null;
}

interface Shortage {
  flowerId: number;
  requested: number;
  available: number;
}

/** Σ count × quantity per flower over the order's lines, smallest flower id first. */
export function flowersOf(lines: OrderPlaced['lines']): FlowerQuantity[] {
  const totals = new Map<number, number>();
  for (const line of lines) {
    for (const flower of line.flowers) {
      totals.set(
        flower.flowerId,
        (totals.get(flower.flowerId) ?? 0) + flower.count * line.quantity,
      );
    }
  }
  return [...totals]
    .map(([flowerId, quantity]) => ({ flowerId, quantity }))
    .sort((a, b) => a.flowerId - b.flowerId);
}

/**
 * The inventory side of the checkout saga. A reservation takes flower after flower and the
 * pickup seat; any failure gives back what it took (compensating ledger entries), so it is all
 * or nothing. Settling (commit or release) follows a decision step written first, so commit
 * and release of one order exclude each other. A release that races an in-flight reservation
 * is caught from both sides: the reservation checks for a release decision after taking
 * everything, and the release reads what was taken after writing its decision.
 */
export class ReservationService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: StoresDeps,
    private readonly steps: SagaSteps,
    private readonly ledger: StockLedger,
    private readonly book: PickupBook,
    private readonly statusLog: StoreStatusLog,
    private readonly logger: Logger,
    private readonly redemptions: CouponRedemptionService,
  ) {}

  /**
   * Publishes the event a step carries: as this put wrote it, or read back when an earlier
   * copy of the step stood (its event may still be waiting).
   */
  private announce(put: { step: StoredStep<unknown>; won: boolean }): void {
    if (put.won) this.deps.relay.kickWritten('saga_steps', [put.step]);
    else this.deps.relay.kick('saga_steps', put.step._id);
  }

  private key(storeId: string, flowerId: number) {
    return { storeId, flowerId };
  }

  private async levelsOf(storeId: string, flowers: FlowerQuantity[]): Promise<StockLevel[]> {
    const levels = await this.ledger.levels(flowers.map((f) => this.key(storeId, f.flowerId)));
    return [...levels.values()];
  }

  async reserve(order: OrderPlaced, traceId: string): Promise<void> {
    const { orderId, storeId } = order;
    const now = this.deps.now();
    const flowers = flowersOf(order.lines);
    const slotStart =
      order.fulfilment.type === 'PICKUP' ? new Date(order.fulfilment.slotStart) : null;

    const reject = async (
      reason: RejectionReason,
      shortages: Shortage[] = [],
      stock: StockLevel[] = [],
      couponReason?: CouponRejectionReason,
    ) => {
      this.announce(
        await this.steps.put<ReserveData>({
          orderId,
          storeId,
          step: 'reserve',
          outcome: 'REJECTED',
          data: { flowers, slotStart: slotStart?.toISOString() ?? null, seat: null, reason },
          at: this.deps.now(),
          event: storesEvent(
            inventoryRejected,
            { subjectId: orderId, traceId, at: this.deps.now() },
            {
              orderId,
              storeId,
              reason,
              ...(couponReason ? { couponReason } : {}),
              shortages,
              stock: stockPayload(stock),
            },
          ),
        }),
      );
    };

    // An order that already failed is caught after the flowers are taken (the check below),
    // not here as well: that would be a read on every reservation for a rare case.
    if (flowers.length === 0 || flowers.some((f) => !isFlowerId(f.flowerId))) {
      return reject('INVALID_ORDER');
    }
    const store = ObjectId.isValid(storeId)
      ? await this.em.findOne(Store, { _id: new ObjectId(storeId) })
      : null;
    if (!store) return reject('STORE_NOT_FOUND');
    if ((await this.statusLog.current(storeId)).status !== StoreStatus.OPEN) {
      return reject('STORE_NOT_OPEN');
    }
    if (slotStart && slotProblem(store, slotStart, now)) return reject('SLOT_UNAVAILABLE');

    // A first attempt (this insert wins) cannot have reserved anything yet: skip those lookups.
    const { won: fresh } = await this.steps.put<IntentData>({
      orderId,
      storeId,
      step: 'intent',
      outcome: 'INTENT',
      data: { flowers, slotStart: slotStart?.toISOString() ?? null },
      at: now,
    });

    const taken: FlowerQuantity[] = [];
    const entries: StockEntry[] = [];
    let short: { flower: FlowerQuantity; available: number } | null = null;
    for (const flower of flowers) {
      const outcome = await this.ledger.reserve(
        this.key(storeId, flower.flowerId),
        orderId,
        flower.quantity,
        now,
        fresh,
      );
      if (!outcome.ok) {
        short = { flower, available: outcome.available };
        break;
      }
      taken.push(flower);
      if (outcome.created) entries.push(outcome.entry);
    }
    if (short) {
      // Report every short flower, not only the first: look at the ones not tried yet.
      const untried = flowers.slice(flowers.indexOf(short.flower) + 1);
      const levels = await this.levelsOf(storeId, untried);
      const shortages: Shortage[] = [
        { ...short.flower, requested: short.flower.quantity, available: short.available },
        ...untried.map((f) => ({
          ...f,
          requested: f.quantity,
          available: levels.find((l) => l.flowerId === f.flowerId)?.available ?? 0,
        })),
      ]
        .filter((s) => s.available < s.requested)
        .map(({ flowerId, requested, available }) => ({ flowerId, requested, available }));
      await this.releaseFlowers(storeId, orderId, taken, 'OUT_OF_STOCK');
      return reject('OUT_OF_STOCK', shortages, await this.levelsOf(storeId, flowers));
    }

    let seat: number | null = null;
    if (slotStart) {
      seat = await this.book.book(storeId, slotStart, orderId, store.pickup.slotCapacity, now);
      if (seat === null) {
        await this.releaseFlowers(storeId, orderId, taken, 'SLOT_FULL');
        return reject('SLOT_FULL', [], await this.levelsOf(storeId, flowers));
      }
    }

    // The order may have failed meanwhile; its release may have missed what was just taken.
    if (await this.steps.get(orderId, 'settle')) {
      await this.releaseFlowers(storeId, orderId, taken, 'ORDER_CLOSED');
      if (slotStart && seat !== null) await this.book.release(storeId, slotStart, orderId, seat);
      return reject('ORDER_CLOSED', [], await this.levelsOf(storeId, flowers));
    }

    // The coupon is redeemed in the same step: one answer says flowers, seat and discount.
    let coupon: { couponId: string; discount: number } | null = null;
    if (order.couponId) {
      const redeemed = await this.redemptions.redeem({
        orderId,
        storeId,
        customerId: order.customerId,
        couponId: order.couponId,
        subtotal: order.subtotal,
        fulfilment: order.fulfilment.type,
      });
      if ('reason' in redeemed) {
        await this.releaseFlowers(storeId, orderId, taken, 'COUPON_REJECTED');
        if (slotStart && seat !== null) await this.book.release(storeId, slotStart, orderId, seat);
        return reject(
          'COUPON_REJECTED',
          [],
          await this.levelsOf(storeId, flowers),
          redeemed.reason,
        );
      }
      coupon = { couponId: order.couponId, discount: redeemed.discount };
    }

    // The entries just written hold the resulting levels; after a retry, read them afresh.
    const levels =
      entries.length === flowers.length
        ? entries.map(levelAfter)
        : await this.levelsOf(storeId, flowers);
    this.announce(
      await this.steps.put<ReserveData>({
        orderId,
        storeId,
        step: 'reserve',
        outcome: 'RESERVED',
        data: { flowers, slotStart: slotStart?.toISOString() ?? null, seat, reason: null },
        at: this.deps.now(),
        event: storesEvent(
          inventoryReserved,
          { subjectId: orderId, traceId, at: this.deps.now() },
          {
            orderId,
            storeId,
            flowers,
            pickup:
              slotStart && seat !== null ? { slotStart: slotStart.toISOString(), seat } : null,
            coupon,
            stock: stockPayload(levels),
          },
        ),
      }),
    );
    await alertLowStock(this.em, this.deps, store, levels, traceId);
  }

  private async releaseFlowers(
    storeId: string,
    orderId: string,
    flowers: FlowerQuantity[],
    reason: string,
  ): Promise<FlowerQuantity[]> {
    const released: FlowerQuantity[] = [];
    for (const flower of flowers) {
      const entry = await this.ledger.settle(
        this.key(storeId, flower.flowerId),
        orderId,
        'RELEASE',
        this.deps.now(),
        reason,
      );
      if (entry?.kind === 'RELEASE') released.push(flower);
    }
    return released;
  }

  /** `orders.order.confirmed`: the held stems leave the stock for good. */
  async commit(orderId: string, storeId: string, traceId: string): Promise<void> {
    const reserved = await this.steps.get<ReserveData>(orderId, 'reserve');
    if (!reserved) throw new StepNotReadyError(orderId, 'reserve');
    if (reserved.outcome !== 'RESERVED') {
      this.logger.warn('confirmation of an order whose reservation was rejected', { orderId });
      return;
    }
    const { step: decision, won } = await this.steps.put({
      orderId,
      storeId,
      step: 'settle',
      outcome: 'COMMIT',
      data: {},
      at: this.deps.now(),
    });
    if (decision.outcome !== 'COMMIT') {
      this.logger.warn('confirmation of an order that already failed; ignored', { orderId });
      return;
    }
    // The decision just won: nothing of this commit can have been written yet.
    if (!won && (await this.steps.get(orderId, 'settled'))) return;
    const entries: StockEntry[] = [];
    for (const flower of reserved.data.flowers) {
      const entry = await this.ledger.settle(
        this.key(storeId, flower.flowerId),
        orderId,
        'COMMIT',
        this.deps.now(),
        undefined,
        won,
      );
      if (entry) entries.push(entry);
    }
    // The commit entries hold the resulting levels; after a retry, read them afresh.
    const levels =
      won && entries.length === reserved.data.flowers.length
        ? entries.map(levelAfter)
        : await this.levelsOf(storeId, reserved.data.flowers);
    this.announce(
      await this.steps.put({
        orderId,
        storeId,
        step: 'settled',
        outcome: 'COMMITTED',
        data: {},
        at: this.deps.now(),
        event: storesEvent(
          inventoryCommitted,
          { subjectId: orderId, traceId, at: this.deps.now() },
          { orderId, storeId, flowers: reserved.data.flowers, stock: stockPayload(levels) },
        ),
      }),
    );
  }

  /**
   * `orders.order.failed` / `canceled`: held stems and the seat go back. For an order already
   * confirmed, its committed stems are restocked instead (canceled before pickup/shipping).
   */
  async release(orderId: string, storeId: string, reason: string, traceId: string): Promise<void> {
    const { step: decision } = await this.steps.put({
      orderId,
      storeId,
      step: 'settle',
      outcome: 'RELEASE',
      data: { reason },
      at: this.deps.now(),
    });
    if (decision.outcome === 'COMMIT') return this.restock(orderId, storeId, reason, traceId);
    if (await this.steps.get(orderId, 'settled')) return;

    const intent = await this.steps.get<IntentData>(orderId, 'intent');
    const reserved = await this.steps.get<ReserveData>(orderId, 'reserve');
    const flowers = intent?.data.flowers ?? [];
    const released = await this.releaseFlowers(storeId, orderId, flowers, reason);
    const slotStart = intent?.data.slotStart ? new Date(intent.data.slotStart) : null;
    const slotReleased = slotStart
      ? await this.book.release(storeId, slotStart, orderId, reserved?.data.seat ?? undefined)
      : false;
    // A rejected reservation already gave everything back and said so.
    const announce = intent !== null && reserved?.outcome !== 'REJECTED';
    const settled = await this.steps.put({
      orderId,
      storeId,
      step: 'settled',
      outcome: 'RELEASED',
      data: { reason },
      at: this.deps.now(),
      event: announce
        ? storesEvent(
            inventoryReleased,
            { subjectId: orderId, traceId, at: this.deps.now() },
            {
              orderId,
              storeId,
              reason,
              afterCommit: false,
              flowers: released,
              slotReleased,
              stock: stockPayload(await this.levelsOf(storeId, flowers)),
            },
          )
        : undefined,
    });
    if (announce) this.announce(settled);
  }

  private async restock(orderId: string, storeId: string, reason: string, traceId: string) {
    if (!(await this.steps.get(orderId, 'settled')))
      throw new StepNotReadyError(orderId, 'settled');
    if (await this.steps.get(orderId, 'restocked')) return;
    const reserved = await this.steps.get<ReserveData>(orderId, 'reserve');
    const flowers = reserved?.data.flowers ?? [];
    const restocked: FlowerQuantity[] = [];
    for (const flower of flowers) {
      const entry = await this.ledger.restock(
        this.key(storeId, flower.flowerId),
        orderId,
        this.deps.now(),
        reason,
      );
      if (entry) restocked.push(flower);
    }
    const slotStart = reserved?.data.slotStart ? new Date(reserved.data.slotStart) : null;
    const slotReleased = slotStart
      ? await this.book.release(storeId, slotStart, orderId, reserved?.data.seat ?? undefined)
      : false;
    this.announce(
      await this.steps.put({
        orderId,
        storeId,
        step: 'restocked',
        outcome: 'RESTOCKED',
        data: { reason },
        at: this.deps.now(),
        event: storesEvent(
          inventoryReleased,
          { subjectId: orderId, traceId, at: this.deps.now() },
          {
            orderId,
            storeId,
            reason,
            afterCommit: true,
            flowers: restocked,
            slotReleased,
            stock: stockPayload(await this.levelsOf(storeId, flowers)),
          },
        ),
      }),
    );
  }
}
