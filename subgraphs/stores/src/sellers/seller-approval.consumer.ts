import {
  type Consumption,
  type EventBus,
  type EventEnvelope,
  decodeEvent,
  isDuplicateKeyError,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { sellerApproved } from '@bloom/schema';
import type { StoresDeps } from '../stores.deps.js';
import { ApprovedSeller } from './approved-seller.entity.js';

export const SELLER_APPROVALS_CONSUMER = 'stores-seller-approvals';

/** Records an approved seller; a redelivered approval changes nothing. */
export async function recordSellerApproval(
  orm: MikroORM,
  deps: StoresDeps,
  envelope: EventEnvelope,
): Promise<void> {
  const event = decodeEvent(sellerApproved, envelope);
  await deps.processed.once(SELLER_APPROVALS_CONSUMER, event.id, async () => {
    const em = orm.em.fork();
    try {
      await em.insert(ApprovedSeller, {
        _id: event.payload.userId,
        email: event.payload.email,
        name: event.payload.name,
        businessName: event.payload.businessName,
        approvedAt: new Date(event.occurredAt),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  });
}

export function consumeSellerApprovals(
  bus: EventBus,
  orm: MikroORM,
  deps: StoresDeps,
): Promise<Consumption> {
  return bus.consume({
    durable: SELLER_APPROVALS_CONSUMER,
    types: [sellerApproved.type],
    handle: (event) => recordSellerApproval(orm, deps, event),
  });
}
