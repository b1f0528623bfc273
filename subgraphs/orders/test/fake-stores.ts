import {
  type EventBus,
  type EventContract,
  type EventEnvelope,
  createEvent,
  decodeEvent,
} from '@bloom/kernel';
import {
  inventoryRejected,
  inventoryReserved,
  orderCanceled,
  orderFailed,
  orderPlaced,
} from '@bloom/schema';

/**
 * Plays the stores side of the saga against an in-memory flower stock: reserves on
 * orders.order.placed (all or nothing, the coupon redeemed in the same step), and gives everything back on
 * orders.order.failed / canceled. Handled one event at a time, so its accounting is exact.
 */
export class FakeStores {
  /** `${storeId}:${flowerId}` → stems available. */
  readonly stock = new Map<string, number>();
  readonly reservations = new Map<
    string,
    { storeId: string; flowers: { flowerId: number; quantity: number }[] }
  >();
  readonly redeemed = new Map<string, string>();
  readonly released = new Set<string>();
  lowestStock = Number.POSITIVE_INFINITY;
  rejectCoupons = new Set<string>();
  /** Customers whose orders stores never answers (a dead step). */
  silent = new Set<string>();
  /** Publish every answer twice under different event ids. */
  duplicateAnswers = false;
  private sequence = 0;
  private stopConsuming?: () => Promise<void>;

  constructor(private readonly bus: EventBus) {}

  setStock(storeId: string, flowerId: number, stems: number) {
    this.stock.set(`${storeId}:${flowerId}`, stems);
  }

  stockOf(storeId: string, flowerId: number) {
    return this.stock.get(`${storeId}:${flowerId}`) ?? 0;
  }

  async start(): Promise<void> {
    const consumption = await this.bus.consume({
      durable: `fakestores-saga`,
      types: [orderPlaced.type, orderFailed.type, orderCanceled.type],
      handle: (event) => this.handle(event),
    });
    this.stopConsuming = () => consumption.stop();
  }

  async stop() {
    await this.stopConsuming?.();
  }

  private async answer<T>(contract: EventContract<string, T>, subjectId: string, payload: T) {
    const copies = this.duplicateAnswers ? 2 : 1;
    for (let i = 0; i < copies; i += 1) {
      this.sequence += 1;
      await this.bus.publish(
        createEvent(
          contract,
          { source: 'stores', subjectId, sequence: this.sequence, traceId: '' },
          payload,
        ),
      );
    }
  }

  private async handle(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case orderPlaced.type: {
        const order = decodeEvent(orderPlaced, event).payload;
        if (this.silent.has(order.customerId) || this.reservations.has(order.orderId)) return;
        if (this.released.has(order.orderId)) return;
        const need = new Map<number, number>();
        for (const line of order.lines) {
          for (const f of line.flowers)
            need.set(f.flowerId, (need.get(f.flowerId) ?? 0) + f.count * line.quantity);
        }
        const short = [...need].filter(
          ([flowerId, q]) => this.stockOf(order.storeId, flowerId) < q,
        );
        if (order.couponId && this.rejectCoupons.has(order.couponId)) {
          await this.answer(inventoryRejected, order.orderId, {
            orderId: order.orderId,
            storeId: order.storeId,
            reason: 'COUPON_REJECTED',
            couponReason: 'ALREADY_USED',
            shortages: [],
            stock: [],
          });
          return;
        }
        if (short.length > 0) {
          await this.answer(inventoryRejected, order.orderId, {
            orderId: order.orderId,
            storeId: order.storeId,
            reason: 'OUT_OF_STOCK',
            shortages: short.map(([flowerId, requested]) => ({
              flowerId,
              requested,
              available: this.stockOf(order.storeId, flowerId),
            })),
            stock: [],
          });
          return;
        }
        for (const [flowerId, q] of need) {
          const left = this.stockOf(order.storeId, flowerId) - q;
          this.setStock(order.storeId, flowerId, left);
          this.lowestStock = Math.min(this.lowestStock, left);
        }
        const flowers = [...need].map(([flowerId, quantity]) => ({ flowerId, quantity }));
        this.reservations.set(order.orderId, { storeId: order.storeId, flowers });
        if (order.couponId) this.redeemed.set(order.orderId, order.couponId);
        await this.answer(inventoryReserved, order.orderId, {
          orderId: order.orderId,
          storeId: order.storeId,
          flowers,
          pickup:
            order.fulfilment.type === 'PICKUP'
              ? { slotStart: order.fulfilment.slotStart, seat: 0 }
              : null,
          coupon: order.couponId ? { couponId: order.couponId, discount: 0 } : null,
          stock: [],
        });
        return;
      }
      case orderFailed.type:
      case orderCanceled.type: {
        const { orderId } = event.payload as { orderId: string };
        if (this.released.has(orderId)) return;
        this.released.add(orderId);
        const reservation = this.reservations.get(orderId);
        if (reservation) {
          for (const f of reservation.flowers) {
            this.setStock(
              reservation.storeId,
              f.flowerId,
              this.stockOf(reservation.storeId, f.flowerId) + f.quantity,
            );
          }
        }
        this.redeemed.delete(orderId);
        return;
      }
      default:
        return;
    }
  }
}
