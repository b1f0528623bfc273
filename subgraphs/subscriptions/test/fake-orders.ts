import { type EventBus, type PayloadOf, createEvent, decodeEvent } from '@bloom/kernel';
import { orderConfirmed, orderFailed, subscriptionCycleOrderRequested } from '@bloom/schema';

type Requested = PayloadOf<typeof subscriptionCycleOrderRequested>;

/**
 * Plays the orders side of a cycle: consumes subscriptions.cycle.orderRequested, "creates" the
 * order once per orderId and answers orders.order.confirmed, or orders.order.failed
 * (PAYMENT_DECLINED) for billing keys containing `declining`, or with the reason set in
 * `failWith` for the subscription (a store-side failure such as OUT_OF_STOCK). Counts what it
 * created and charged.
 */
export class FakeOrders {
  readonly orders = new Map<string, Requested>();
  readonly charges = new Map<string, number>();
  /** subscriptionId → the failure reason every order of it gets. */
  readonly failWith = new Map<string, string>();
  private stopConsuming?: () => Promise<void>;

  constructor(private readonly bus: EventBus) {}

  async start(): Promise<void> {
    const consumption = await this.bus.consume({
      durable: 'fakeorders-cycles',
      types: [subscriptionCycleOrderRequested.type],
      handle: async (event) => {
        const p = decodeEvent(subscriptionCycleOrderRequested, event).payload;
        if (this.orders.has(p.orderId)) return;
        this.orders.set(p.orderId, p);
        const reason =
          this.failWith.get(p.subscriptionId) ??
          (p.billingKey.includes('declining') ? 'PAYMENT_DECLINED' : undefined);
        if (!reason)
          this.charges.set(p.idempotencyKey, (this.charges.get(p.idempotencyKey) ?? 0) + 1);
        const meta = {
          source: 'orders',
          subjectId: p.orderId,
          sequence: 1,
          traceId: event.traceId,
        };
        await this.bus.publish(
          reason
            ? createEvent(orderFailed, meta, {
                orderId: p.orderId,
                storeId: p.storeId,
                customerId: p.customerId,
                reason,
              })
            : createEvent(orderConfirmed, meta, {
                orderId: p.orderId,
                storeId: p.storeId,
                customerId: p.customerId,
              }),
        );
      },
    });
    this.stopConsuming = () => consumption.stop();
  }

  async stop(): Promise<void> {
    await this.stopConsuming?.();
  }
}
