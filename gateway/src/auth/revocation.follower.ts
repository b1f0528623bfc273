import type { EventBus, EventEnvelope, Following } from '@bloom/kernel';
import { apiKeyRevoked, sessionEnded, userDeleted, userSuspended } from '@bloom/schema';
import type { Revocation, RevocationList } from './revocation.list.js';

const TYPES = [sessionEnded.type, apiKeyRevoked.type, userSuspended.type, userDeleted.type];

/** An identity event as the revocation it announces; undefined for anything else. */
export function revocationOf(event: EventEnvelope): Revocation | undefined {
  switch (event.type) {
    case sessionEnded.type: {
      const { userId, sessionId } = sessionEnded.payload.parse(event.payload);
      return { kind: 'session', userId, sessionId };
    }
    case apiKeyRevoked.type: {
      const { apiKeyId, ownerUserId } = apiKeyRevoked.payload.parse(event.payload);
      return { kind: 'key', userId: ownerUserId, apiKeyId };
    }
    case userSuspended.type:
    case userDeleted.type: {
      const { userId } = userDeleted.payload.parse(event.payload);
      const reason = event.type === userSuspended.type ? 'SUSPENDED' : 'DELETED';
      return { kind: 'user', userId, reason, atMs: Date.parse(event.occurredAt) };
    }
    default:
      return undefined;
  }
}

/**
 * Feeds the list from identity's events: first those of the retention window (a replica that
 * starts late still knows what was revoked), then each as it is published. Every replica
 * follows on its own, so a revocation reaches all of them.
 */
export async function followRevocations(
  bus: EventBus,
  list: RevocationList,
  retentionMs: number,
): Promise<Following> {
  return bus.follow({
    types: TYPES,
    since: new Date(Date.now() - retentionMs),
    handle: (event) => {
      const revocation = revocationOf(event);
      if (revocation) list.add(revocation, Date.parse(event.occurredAt));
    },
  });
}
