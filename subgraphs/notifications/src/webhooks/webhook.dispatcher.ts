import { randomInt } from 'node:crypto';
import { HttpExchangeError, type Logger, httpExchange } from '@bloom/kernel';
import { signWebhook } from '@bloom/sdk';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { NotificationsDeps } from '../notifications.deps.js';
import type { SecretBox } from './webhook-secrets.js';
import { resolveTarget } from './webhook-url.guard.js';
import {
  type AttemptRecord,
  MAX_ATTEMPTS_KEPT,
  type WebhookDeliveryDoc,
  type WebhookEndpointDoc,
  webhookCollections,
} from './webhook.entities.js';

/** Read of a receiver's answer at most; the rest is not wanted. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** Kept of an answer in the delivery log. */
const EXCERPT_CHARS = 1_024;
/** How long a claimed attempt is someone's before another worker may take it (a crash). */
const CLAIM_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;
/** Deliveries tried side by side per sweep. */
const BATCH = 32;

/** Told when an endpoint is disabled after its failures, so its owner hears of it. */
export type EndpointDisabledListener = (endpoint: WebhookEndpointDoc, at: Date) => Promise<void>;

/**
 * Sends deliveries: at once when created, then by a sweep of those due. An attempt is claimed
 * by moving `nextAttemptAt` forward with a compare-and-set, so replicas never send one twice
 * at the same time (a receiver still dedupes by `Bloom-Event-Id`: delivery is at least once).
 * Retries back off exponentially with full jitter (base WEBHOOK_BACKOFF_BASE_MS, at most an hour
 * apart) until WEBHOOK_RETRY_FOR_MS after creation; WEBHOOK_DISABLE_AFTER consecutive failures
 * disable the endpoint.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly deps: NotificationsDeps,
    private readonly box: SecretBox,
    private readonly logger: Logger,
    private readonly onDisabled: EndpointDisabledListener,
  ) {}

  start(intervalMs: number): void {
    this.stopped = false;
    const tick = () => {
      this.kick();
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs).unref();
    };
    this.timer = setTimeout(tick, intervalMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  /** Sends what is due now; kicks during a sweep run another one after it. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweep()
      .catch((error: unknown) => this.logger.error('webhook sweep failed', { error }))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once nothing is due (tests). */
  async drain(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  private async sweep(): Promise<void> {
    const { deliveries } = webhookCollections(this.orm.em);
    for (;;) {
      const now = this.deps.now();
      const due = await deliveries
        .find({ status: 'PENDING', nextAttemptAt: { $lte: now } })
        .sort({ nextAttemptAt: 1 })
        .limit(BATCH)
        .toArray();
      if (due.length === 0) return;
      await Promise.all(due.map((delivery) => this.attempt(delivery)));
      if (due.length < BATCH) return;
    }
  }

  private async attempt(delivery: WebhookDeliveryDoc): Promise<void> {
    const { deliveries, endpoints } = webhookCollections(this.orm.em);
    const now = this.deps.now();
    const claimed = await deliveries.updateOne(
      { _id: delivery._id, status: 'PENDING', nextAttemptAt: delivery.nextAttemptAt ?? null },
      { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } },
    );
    if (claimed.modifiedCount !== 1) return;
    const endpoint = await endpoints.findOne({ _id: delivery.endpointId });
    if (!endpoint || endpoint.status !== 'ENABLED') {
      // Kept for a replay once the endpoint is enabled again.
      await deliveries.updateOne(
        { _id: delivery._id },
        { $set: { status: 'SKIPPED', nextAttemptAt: null } },
      );
      return;
    }
    const record = await this.send(endpoint, delivery, now);
    const ok =
      record.statusCode !== undefined && record.statusCode >= 200 && record.statusCode < 300;
    const finished = this.deps.now();
    const givenUp = !ok && finished.getTime() >= delivery.retryUntil.getTime();
    const retryAt = ok || givenUp ? null : new Date(finished.getTime() + this.backoff(delivery));
    await deliveries.updateOne(
      { _id: delivery._id },
      {
        $push: { attempts: { $each: [record], $slice: -MAX_ATTEMPTS_KEPT } },
        $inc: { attemptCount: 1 },
        $set: {
          status: ok ? 'SUCCEEDED' : givenUp ? 'FAILED' : 'PENDING',
          nextAttemptAt: retryAt,
          lastAttemptAt: record.at,
        },
      },
    );
    if (ok) {
      if (endpoint.consecutiveFailures > 0) {
        await endpoints.updateOne({ _id: endpoint._id }, { $set: { consecutiveFailures: 0 } });
      }
      return;
    }
    await this.countFailure(endpoint._id, finished);
  }

  /** Exponential backoff with full jitter: a random wait up to base × 2^attempts, capped. */
  private backoff(delivery: WebhookDeliveryDoc): number {
    const base = this.deps.config.WEBHOOK_BACKOFF_BASE_MS;
    const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(delivery.attemptCount, 20));
    return Math.max(base / 2, randomInt(0, Math.max(1, Math.floor(ceiling)) + 1));
  }

  private async countFailure(endpointId: string, at: Date): Promise<void> {
    const { endpoints } = webhookCollections(this.orm.em);
    const counted = await endpoints.findOneAndUpdate(
      { _id: endpointId },
      { $inc: { consecutiveFailures: 1 } },
      { returnDocument: 'after' },
    );
    if (!counted || counted.status !== 'ENABLED') return;
    if (counted.consecutiveFailures < this.deps.config.WEBHOOK_DISABLE_AFTER) return;
    // Compare-and-set: of racing workers, one disables it and tells the owner.
    const disabled = await endpoints.updateOne(
      { _id: endpointId, status: 'ENABLED', revision: counted.revision },
      {
        $set: { status: 'DISABLED', disabledReason: 'CONSECUTIVE_FAILURES', updatedAt: at },
        $inc: { revision: 1 },
      },
    );
    if (disabled.modifiedCount !== 1) return;
    this.logger.warn('webhook endpoint disabled after consecutive failures', {
      endpointId,
      failures: counted.consecutiveFailures,
    });
    await this.onDisabled({ ...counted, status: 'DISABLED' }, at);
  }

  private async send(
    endpoint: WebhookEndpointDoc,
    delivery: WebhookDeliveryDoc,
    at: Date,
  ): Promise<AttemptRecord> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = await resolveTarget(endpoint.url, this.deps.config.WEBHOOK_ALLOW_PRIVATE_URLS);
    if ('code' in target) {
      return { at, durationMs: elapsed(), error: `${target.code}: ${target.message}` };
    }
    const secrets = endpoint.secrets
      .filter((s) => !s.expiresAt || s.expiresAt.getTime() > at.getTime())
      .map((s) => this.box.open(s.sealed));
    try {
      const answer = await httpExchange({
        method: 'POST',
        url: target.url.href,
        // An integrator's server is not ours: our trace ids stay inside the platform.
        propagate: false,
        spanName: 'webhook deliver',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'BloomingBlooms-Webhooks/1',
          'bloom-event-id': delivery.eventId,
          'bloom-event-type': delivery.eventType,
          'bloom-delivery-id': delivery._id,
          // One v1 per secret in force: the old one keeps signing through a rotation's grace.
          'bloom-signature': signWebhook(delivery.body, secrets, at),
        },
        body: delivery.body,
        timeoutMs: this.deps.config.WEBHOOK_TIMEOUT_MS,
        maxBodyBytes: MAX_RESPONSE_BYTES,
        ...(target.lookup ? { lookup: target.lookup } : {}),
      });
      return {
        at,
        statusCode: answer.status,
        durationMs: elapsed(),
        responseExcerpt: answer.text.slice(0, EXCERPT_CHARS),
        // Redirects are not followed: the receiver must answer at the registered URL.
        ...(answer.status >= 300 && answer.status < 400
          ? { error: 'REDIRECT: redirects are not followed' }
          : {}),
      };
    } catch (error) {
      const reason =
        error instanceof HttpExchangeError
          ? `${error.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK'}: ${error.message}`
          : `NETWORK: ${error instanceof Error ? error.message : String(error)}`;
      return { at, durationMs: elapsed(), error: reason };
    }
  }
}
