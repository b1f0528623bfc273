import {
  type EntityManager,
  type EventContract,
  recordEvent,
  retryOnConflict,
} from '@bloom/kernel';
import { type IdentityDeps, SOURCE } from '../identity.deps.js';
import { findUserById } from '../users/user.repository.js';

/**
 * Announces that some of a user's access ended (a session, a key). The event travels in the
 * user's outbox, ordered with the user's other events, and every gateway replica follows it to
 * refuse the session's tokens or the key within moments rather than at their expiry.
 */
export async function announceToGateways<T>(
  em: EntityManager,
  deps: IdentityDeps,
  userId: string,
  contract: EventContract<string, T>,
  payload: T,
  traceId = SOURCE,
): Promise<void> {
  await retryOnConflict(em, async (fresh) => {
    const user = await findUserById(fresh, userId);
    if (!user) return;
    recordEvent(user, contract, { source: SOURCE, subjectId: userId, traceId }, payload);
    await fresh.flush();
  });
  deps.relay.kick();
}
