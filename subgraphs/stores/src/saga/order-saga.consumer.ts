import { type Consumption, type EventBus, type EventEnvelope, decodeEvent } from '@bloom/kernel';
import { orderCanceled, orderConfirmed, orderFailed, orderPlaced } from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import { type StoresInfra, type StoresServices, buildServices } from '../stores.context.js';
import type { StoresDeps } from '../stores.deps.js';

/** Durable consumer names on the ORDERS stream. */
export const SAGA_CONSUMERS = {
  reservations: 'stores-reservations',
  settlements: 'stores-settlements',
  couponReturns: 'stores-coupon-returns',
} as const;

/**
 * The checkout saga's commands as stores handles them. Each handler runs in its own
 * EntityManager fork. A reservation (flowers, pickup seat and the order's coupon, one step) and
 * a coupon return are claimed per order (not only per event),
 * so two copies of a command with different event ids cannot run side by side; a copy that
 * finds its order in progress fails and is redelivered later.
 */
export class OrderSagaHandlers {
  constructor(
    private readonly orm: MikroORM,
    private readonly deps: StoresDeps,
    private readonly infra: StoresInfra,
  ) {}

  private services(): StoresServices {
    return buildServices(this.orm.em.fork(), this.deps, this.infra);
  }

  /** Dispatches any saga command; the consumers below and tests call it. */
  async handle(envelope: EventEnvelope): Promise<void> {
    switch (envelope.type) {
      case orderPlaced.type:
        return this.placed(envelope);
      case orderConfirmed.type:
      case orderFailed.type:
      case orderCanceled.type:
        await this.settle(envelope);
        if (envelope.type !== orderConfirmed.type) await this.returnCoupon(envelope);
        return;
      default:
        this.deps.logger.warn('unexpected saga event', { type: envelope.type, id: envelope.id });
    }
  }

  async placed(envelope: EventEnvelope): Promise<void> {
    const event = decodeEvent(orderPlaced, envelope);
    const { orderId } = event.payload;
    await this.deps.processed.once(SAGA_CONSUMERS.reservations, `order:${orderId}`, () =>
      this.services().reservations.reserve(event.payload, event.traceId),
    );
  }

  async settle(envelope: EventEnvelope): Promise<void> {
    await this.deps.processed.once(SAGA_CONSUMERS.settlements, envelope.id, async () => {
      const reservations = this.services().reservations;
      if (envelope.type === orderConfirmed.type) {
        const { payload } = decodeEvent(orderConfirmed, envelope);
        return reservations.commit(payload.orderId, payload.storeId, envelope.traceId);
      }
      const { payload } =
        envelope.type === orderFailed.type
          ? decodeEvent(orderFailed, envelope)
          : decodeEvent(orderCanceled, envelope);
      return reservations.release(
        payload.orderId,
        payload.storeId,
        payload.reason,
        envelope.traceId,
      );
    });
  }

  async returnCoupon(envelope: EventEnvelope): Promise<void> {
    const { payload } =
      envelope.type === orderFailed.type
        ? decodeEvent(orderFailed, envelope)
        : decodeEvent(orderCanceled, envelope);
    await this.deps.processed.once(SAGA_CONSUMERS.couponReturns, `order:${payload.orderId}`, () =>
      this.services().redemptions.giveBack(payload.orderId, payload.storeId, envelope.traceId),
    );
  }

  /** Starts the durable consumers; each can fail and retry independently of the others. */
  consume(bus: EventBus): Promise<Consumption[]> {
    const concurrency = this.deps.config.SAGA_CONCURRENCY;
    return Promise.all([
      bus.consume({
        durable: SAGA_CONSUMERS.reservations,
        types: [orderPlaced.type],
        concurrency,
        handle: (event) => this.placed(event),
      }),
      bus.consume({
        durable: SAGA_CONSUMERS.settlements,
        types: [orderConfirmed.type, orderFailed.type, orderCanceled.type],
        concurrency,
        handle: (event) => this.settle(event),
      }),
      bus.consume({
        durable: SAGA_CONSUMERS.couponReturns,
        types: [orderFailed.type, orderCanceled.type],
        concurrency,
        handle: (event) => this.returnCoupon(event),
      }),
    ]);
  }
}
