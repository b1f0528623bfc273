import { type EventContract, type EventEnvelope, createEvent } from '@bloom/kernel';
import { SOURCE } from '../stores.deps.js';

/**
 * Builds an event for an insert-only document that carries it in its `outbox`: the document's
 * single insert stores the change and its event together, and the kernel relay publishes it.
 */
export function storesEvent<T>(
  contract: EventContract<string, T>,
  meta: { subjectId: string; traceId: string; at: Date; sequence?: number },
  payload: T,
): EventEnvelope<T> {
  return createEvent(
    contract,
    {
      source: SOURCE,
      subjectId: meta.subjectId,
      traceId: meta.traceId,
      at: meta.at,
      sequence: meta.sequence ?? 1,
    },
    payload,
  );
}
