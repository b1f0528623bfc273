import type { EventEnvelope } from '@bloom/kernel';
import { WEBHOOK_API_VERSION, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@bloom/schema';

export { WEBHOOK_API_VERSION, WEBHOOK_EVENT_TYPES, type WebhookEventType };

const byType = new Map(WEBHOOK_EVENT_TYPES.map((t) => [t.contract.type, t]));

export const webhookEventType = (type: string): WebhookEventType | undefined => byType.get(type);

/** What a delivery's body carries: the event, in the public envelope, as JSON. */
export interface WebhookBody {
  id: string;
  type: string;
  apiVersion: typeof WEBHOOK_API_VERSION;
  occurredAt: string;
  payload: unknown;
}

/**
 * The public body of an event. Only the contract's payload travels (no trace id, source or
 * internal sequence), parsed through the contract so fields outside it never leak.
 */
export function webhookBodyOf(event: EventEnvelope, type: WebhookEventType): string {
  const body: WebhookBody = {
    id: event.id,
    type: event.type,
    apiVersion: WEBHOOK_API_VERSION,
    occurredAt: event.occurredAt,
    payload: type.contract.payload.parse(event.payload),
  };
  return JSON.stringify(body);
}
