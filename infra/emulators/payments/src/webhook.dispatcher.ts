import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from '@bloom/kernel';
import type { PaymentStatus } from './payment.ledger.js';

export const SIGNATURE_HEADER = 'x-pg-signature';

export interface WebhookEvent {
  eventId: string;
  paymentKey: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  occurredAt: string;
}

export interface DeliveryLog {
  eventId: string;
  url: string;
  /** 1 for the delivery, 2 for the copy the `duplicate-callback` scenario sends. */
  copy: number;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus?: number;
  lastError?: string;
}

/** Hex HMAC-SHA256 of the exact body bytes; receivers verify before parsing. */
export function signWebhook(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export interface WebhookDispatcherOptions {
  secret: string;
  maxAttempts: number;
  retryBaseMs: number;
  attemptTimeoutMs: number;
  logger: Logger;
  /** How many delivery records are kept for GET /__emulator/webhooks. */
  logCapacity?: number;
}

/**
 * Delivers status-change callbacks the way PGs do: signed, at least once, retried with
 * exponential backoff on anything but 2xx, given up after a bounded number of attempts.
 */
export class WebhookDispatcher {
  private readonly log: DeliveryLog[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();

  constructor(private readonly options: WebhookDispatcherOptions) {}

  dispatch(url: string, event: Omit<WebhookEvent, 'eventId'>, copies = 1): WebhookEvent {
    const full: WebhookEvent = { eventId: `evt_${randomUUID()}`, ...event };
    const body = JSON.stringify(full);
    for (let copy = 1; copy <= copies; copy += 1) {
      const entry: DeliveryLog = {
        eventId: full.eventId,
        url,
        copy,
        state: 'pending',
        attempts: 0,
      };
      this.log.push(entry);
      if (this.log.length > (this.options.logCapacity ?? 1_000)) this.log.shift();
      void this.attempt(entry, body, this.abort.signal);
    }
    return full;
  }

  deliveries(): readonly DeliveryLog[] {
    return this.log;
  }

  /** Stops every pending retry and in-flight delivery (reset and shutdown). */
  cancelAll(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.log.length = 0;
  }

  private async attempt(entry: DeliveryLog, body: string, cancel: AbortSignal): Promise<void> {
    if (cancel.aborted) return;
    entry.attempts += 1;
    try {
      const response = await fetch(entry.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(body, this.options.secret),
          'x-pg-event-id': entry.eventId,
        },
        body,
        signal: AbortSignal.any([cancel, AbortSignal.timeout(this.options.attemptTimeoutMs)]),
      });
      entry.lastStatus = response.status;
      await response.body?.cancel();
      if (response.ok) {
        entry.state = 'delivered';
        return;
      }
      entry.lastError = `HTTP ${response.status}`;
    } catch (error) {
      if (cancel.aborted) return;
      entry.lastError = error instanceof Error ? error.message : String(error);
    }
    if (entry.attempts >= this.options.maxAttempts) {
      entry.state = 'failed';
      this.options.logger.warn('webhook gave up', { ...entry });
      return;
    }
    const delay = this.options.retryBaseMs * 2 ** (entry.attempts - 1);
    this.options.logger.info('webhook retry scheduled', { ...entry, delayMs: delay });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(entry, body, cancel);
    }, delay);
    this.timers.add(timer);
  }
}
