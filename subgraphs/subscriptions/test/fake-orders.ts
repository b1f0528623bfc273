import { type EventBus, createEvent, decodeEvent } from '@bloom/kernel';
import { orderConfirmed, orderFailed, subscriptionCycleOrderRequested } from '@bloom/schema';

/**
 * Plays the orders side of a cycle: consumes subscriptions.cycle.orderRequested, "creates" the
 * order once per orderId and answers orders.order.confirmed, or orders.order.failed
 * (PAYMENT_DECLINED) for billing keys containing `declining`. Counts what it created and charged.
 */
export class FakeOrders {
  readonly orders = new Map<string, { idempotencyKey: string; amount: number; cycle: number }>();
  readonly charges = new Map<string, number>();
  private stopConsuming?: () => Promise<void>;

  constructor(private readonly bus: EventBus) {}

  async start(): Promise<void> {
    const consumption = await this.bus.consume({
      durable: 'fakeorders-cycles',
      stream: 'SUBSCRIPTIONS',
      types: [subscriptionCycleOrderRequested.type],
      handle: async (event) => {
        const p = decodeEvent(subscriptionCycleOrderRequested, event).payload;
        if (this.orders.has(p.orderId)) return;
        this.orders.set(p.orderId, {
          idempotencyKey: p.idempotencyKey,
          amount: p.amount,
          cycle: p.cycle,
        });
        const declined = p.billingKey.includes('declining');
        if (!declined)
          this.charges.set(p.idempotencyKey, (this.charges.get(p.idempotencyKey) ?? 0) + 1);
        const meta = {
          source: 'orders',
          subjectId: p.orderId,
          sequence: 1,
          traceId: event.traceId,
        };
        await this.bus.publish(
          declined
            ? createEvent(orderFailed, meta, {
                orderId: p.orderId,
                storeId: p.storeId,
                customerId: p.customerId,
                reason: 'PAYMENT_DECLINED',
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
