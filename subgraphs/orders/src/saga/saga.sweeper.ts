import { type Logger, addDays, seoulDate, seoulInstant } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { OrdersDeps } from '../orders.deps.js';
import { OrderTransition } from '../orders/order-transition.entity.js';
import { Fulfilment, Order, OrderStatus } from '../orders/order.entity.js';
import { OrderLifecycle } from '../orders/order-lifecycle.service.js';
import { CheckoutSaga } from './checkout-saga.service.js';
import { SagaStep, SagaSteps, Step } from './saga-step.entity.js';

/** End of the pickup's Asia/Seoul calendar day, as a UTC instant. */
export const endOfSeoulDay = (at: Date): Date => seoulInstant(addDays(seoulDate(at), 1), 0);

/**
 * The scheduled job that makes every order reach a consistent, terminal state after crashes:
 * re-projects transitions whose projection was lost, fails PENDING orders past their step
 * deadline, resumes payments a dead process left half-done, resolves UNKNOWN captures through
 * the provider, refunds failed orders that still hold money, and completes uncollected pickups.
 * Every action is idempotent, so several replicas may run it at once.
 */
export class SagaSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly deps: OrdersDeps,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.timer = setTimeout(() => {
        void this.runOnce()
          .catch((error: unknown) => this.logger.error('saga sweep failed', { error }))
          .finally(() => {
            if (!this.stopped) tick();
          });
      }, this.deps.config.SAGA_SWEEP_INTERVAL_MS);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  /** One pass; concurrent calls in this process share the pass in flight. */
  runOnce(): Promise<void> {
    this.running ??= this.sweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(): Promise<void> {
    const now = this.deps.now();
    const em = this.orm.em.fork();
    const quietCutoff = new Date(now.getTime() - this.deps.config.SAGA_RESUME_AFTER_MS);

    // 1. Transitions whose projection onto the order document was lost.
    const recent = await em.find(
      OrderTransition,
      { at: { $gte: new Date(now.getTime() - 3600_000) } },
      { fields: ['orderId', 'from'] },
    );
    if (recent.length > 0) {
      const orderIds = [...new Set(recent.map((t) => t.orderId))];
      const froms = new Set(recent.map((t) => `${t.orderId}:${t.from}`));
      const orders = await em.find(Order, { id: { $in: orderIds } }, { fields: ['status'] });
      const lagging = orders.filter((o) => froms.has(`${o.id}:${o.status}`));
      for (const order of lagging) {
        await new OrderLifecycle(this.orm.em.fork(), this.deps).reproject(order.id);
      }
    }

    // 2. PENDING orders that have been quiet a while: overdue, stalled between steps, or
    //    waiting for an UNKNOWN capture to be resolved. recover() decides which.
    const pending = await em.find(
      Order,
      { status: OrderStatus.PENDING, placedAt: { $lte: quietCutoff } },
      { fields: ['_id'], limit: 500, orderBy: { placedAt: 'asc' } },
    );
    // 3. Failed or canceled orders that started a payment and have not had it released.
    const started = await em.find(
      SagaStep,
      { step: Step.PAYMENT_STARTED, at: { $gte: new Date(now.getTime() - 7 * 24 * 3600_000) } },
      { fields: ['orderId'] },
    );
    const holdingIds = [...(await new SagaSteps(em).holdingPayment(started.map((s) => s.orderId)))];
    const holding = holdingIds.length
      ? await em.find(
          Order,
          { id: { $in: holdingIds }, status: { $in: [OrderStatus.FAILED, OrderStatus.CANCELED] } },
          { fields: ['_id'] },
        )
      : [];
    for (const { id } of [...pending, ...holding]) {
      try {
        await new CheckoutSaga(this.orm.em.fork(), this.deps).recover(id);
      } catch (error) {
        this.logger.warn('order recovery failed; retried next sweep', { orderId: id, error });
      }
    }

    // 4. Pickups not collected by the end of their day plus the grace period are completed.
    const grace = this.deps.config.PICKUP_GRACE_HOURS * 3600_000;
    const ready = await em.find(
      Order,
      {
        fulfilment: Fulfilment.PICKUP,
        status: OrderStatus.READY,
        pickupAt: { $lte: new Date(now.getTime() - grace) },
      },
      { limit: 500 },
    );
    for (const order of ready) {
      if (!order.pickupAt || endOfSeoulDay(order.pickupAt).getTime() + grace > now.getTime())
        continue;
      const lifecycle = new OrderLifecycle(this.orm.em.fork(), this.deps);
      const fresh = await lifecycle.load(order.id);
      if (fresh) await lifecycle.move(fresh, { to: OrderStatus.PICKED_UP, actor: 'system' });
    }
  }
}
