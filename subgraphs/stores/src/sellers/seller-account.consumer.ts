import { type Consumption, type EventBus, type EventEnvelope, decodeEvent } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { userDeleted, userSuspended } from '@bloom/schema';
import { Store } from '../stores/store.entity.js';
import type { StoreStatusTransitionError } from '../stores/store.errors.js';
import { type StoresInfra, buildServices } from '../stores.context.js';
import type { StoresDeps } from '../stores.deps.js';
import { ApprovedSeller } from './approved-seller.entity.js';

export const SELLER_ACCOUNTS_CONSUMER = 'stores-identity-accounts';

/**
 * What happens to a store when its owner's account changes in identity: a suspended owner's
 * store is suspended, a deleted owner's store is closed, through the same status log (and so
 * the same `stores.store.suspended` / `stores.store.closed` events) as the admin paths.
 * Users without a store change nothing. Each event is handled once (processed-event record),
 * and the status move itself is keyed by the event id and guarded by the store's current
 * status, so a redelivery or a second copy of the event never moves the store again.
 */
export class SellerAccountHandlers {
  constructor(
    private readonly orm: MikroORM,
    private readonly deps: StoresDeps,
    private readonly infra: StoresInfra,
  ) {}

  /** Dispatches either account event; the consumer below and tests call it. */
  async handle(envelope: EventEnvelope): Promise<void> {
    switch (envelope.type) {
      case userSuspended.type:
        return this.suspended(envelope);
      case userDeleted.type:
        return this.deleted(envelope);
      default:
        this.deps.logger.warn('unexpected account event', { type: envelope.type, id: envelope.id });
    }
  }

  async suspended(envelope: EventEnvelope): Promise<void> {
    const event = decodeEvent(userSuspended, envelope);
    const { userId, reason, suspendedBy } = event.payload;
    await this.deps.processed.once(SELLER_ACCOUNTS_CONSUMER, event.id, async () => {
      const em = this.orm.em.fork();
      const store = await em.findOne(Store, { sellerId: userId });
      if (!store) return;
      const result = await buildServices(
        em,
        this.deps,
        this.infra,
      ).stores.suspendForOwnerSuspension(store, suspendedBy, reason, event.id, event.traceId);
      this.logOutcome('suspend', store, userId, result);
    });
  }

  async deleted(envelope: EventEnvelope): Promise<void> {
    const event = decodeEvent(userDeleted, envelope);
    const { userId } = event.payload;
    await this.deps.processed.once(SELLER_ACCOUNTS_CONSUMER, event.id, async () => {
      const em = this.orm.em.fork();
      // The approval goes first: a deleted account can never open a store again, and the
      // approval's copy of the seller's e-mail and name goes with the account's personal data.
      await em.nativeDelete(ApprovedSeller, { _id: userId });
      const store = await em.findOne(Store, { sellerId: userId });
      if (!store) return;
      const result = await buildServices(em, this.deps, this.infra).stores.closeForOwnerDeletion(
        store,
        event.id,
        event.traceId,
      );
      this.logOutcome('close', store, userId, result);
    });
  }

  private logOutcome(
    action: 'suspend' | 'close',
    store: Store,
    userId: string,
    result: Store | StoreStatusTransitionError,
  ): void {
    const fields = { storeId: store.id, sellerId: userId, action };
    if (result instanceof Store) {
      this.deps.logger.info("store status changed after the owner's account change", fields);
    } else {
      // Already suspended or closed: left as it is.
      this.deps.logger.debug('store status left as it is', {
        ...fields,
        currentStatus: result.currentStatus,
      });
    }
  }

  consume(bus: EventBus): Promise<Consumption> {
    return bus.consume({
      durable: SELLER_ACCOUNTS_CONSUMER,
      // One consumer, one at a time: a suspension and a later deletion apply in order.
      types: [userSuspended.type, userDeleted.type],
      handle: (event) => this.handle(event),
    });
  }
}
