import { type EntityManager, type Logger, isDuplicateKeyError } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { NotificationsDeps } from '../notifications.deps.js';
import { MailMessage, SendClaim, SmsMessage } from './outgoing.entities.js';
import { smsSendTime } from './quiet-hours.js';
import { SmsProviderError } from './sms.provider.js';

/** A claim older than this was left by a crashed sender and may be taken over. */
const CLAIM_LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const retryDelayMs = (attempt: number) => Math.min(30 * 60_000, 15_000 * 2 ** (attempt - 1));

type Outgoing = SmsMessage | MailMessage;

/**
 * SMS and e-mail delivery: exactly one message per (event, recipient, channel), because the
 * message document's `_id` is that triple and is inserted once; sending is claimed by another
 * unique insert, and the provider gets the same id as idempotency key, so even a sender that
 * crashes after the provider accepted the message and before recording it sends nothing twice.
 */
export class OutgoingSender {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly deps: NotificationsDeps,
    private readonly logger: Logger,
  ) {}

  /** Records an SMS (once) and sends it now unless quiet hours defer it; true if newly recorded. */
  async queueSms(
    em: EntityManager,
    message: { id: string; to: string; text: string; urgent: boolean },
  ): Promise<boolean> {
    const now = this.deps.now();
    const notBefore = message.urgent
      ? now
      : smsSendTime(now, {
          start: this.deps.config.QUIET_HOURS_START,
          end: this.deps.config.QUIET_HOURS_END,
        });
    try {
      await em.insert(SmsMessage, {
        _id: message.id,
        to: message.to,
        text: message.text,
        urgent: message.urgent,
        status: 'PENDING',
        notBefore,
        attempts: 0,
        createdAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    if (notBefore <= now) await this.attempt(em, SmsMessage, message.id);
    return true;
  }

  /** Records an e-mail (once) and sends it now; e-mail has no quiet hours. */
  async queueMail(
    em: EntityManager,
    mail: { id: string; to: string; subject: string; text: string },
  ): Promise<boolean> {
    const now = this.deps.now();
    try {
      await em.insert(MailMessage, {
        _id: mail.id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        status: 'PENDING',
        notBefore: now,
        attempts: 0,
        createdAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await this.attempt(em, MailMessage, mail.id);
    return true;
  }

  /** Sends every due pending message (deferred by quiet hours or waiting for a retry). */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error('sms sweep failed', { error }));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  private async sweepOnce(): Promise<number> {
    const em = this.orm.em.fork();
    const now = this.deps.now();
    let sent = 0;
    for (const type of [SmsMessage, MailMessage] as const) {
      const due = await em.find(
        type as typeof SmsMessage,
        { status: 'PENDING', notBefore: { $lte: now } },
        { orderBy: { notBefore: 'asc' }, limit: 500, fields: ['_id'] },
      );
      for (const { _id } of due) {
        if (await this.attempt(em, type, _id)) sent += 1;
      }
    }
    return sent;
  }

  /** One send attempt under a claim; true if the provider accepted the message now. */
  private async attempt(
    em: EntityManager,
    type: typeof SmsMessage | typeof MailMessage,
    id: string,
  ): Promise<boolean> {
    if (!(await this.claim(em, id))) return false;
    try {
      const message = (await em
        .fork()
        .findOne(type as typeof SmsMessage, { _id: id })) as Outgoing | null;
      if (!message || message.status !== 'PENDING') return false;
      const now = this.deps.now();
      try {
        const accepted =
          message instanceof SmsMessage
            ? await this.deps.sms.send({ to: message.to, text: message.text, idempotencyKey: id })
            : await this.deps.mail.send({
                to: message.to,
                subject: message.subject,
                text: message.text,
                idempotencyKey: id,
              });
        await em.nativeUpdate(
          type as typeof SmsMessage,
          { _id: id },
          {
            status: 'SENT',
            sentAt: now,
            attempts: message.attempts + 1,
            ...(message instanceof SmsMessage ? { providerId: accepted.id } : {}),
          },
        );
        return true;
      } catch (error) {
        const attempts = message.attempts + 1;
        const final =
          (error instanceof SmsProviderError && !error.retryable) || attempts >= MAX_ATTEMPTS;
        this.logger.warn('message not sent', { id, attempts, final, error });
        await em.nativeUpdate(
          type as typeof SmsMessage,
          { _id: id },
          {
            status: final ? 'FAILED' : 'PENDING',
            attempts,
            notBefore: new Date(now.getTime() + retryDelayMs(attempts)),
            lastError: error instanceof Error ? error.message : String(error),
          },
        );
        return false;
      }
    } finally {
      await em.nativeDelete(SendClaim, { _id: id });
    }
  }

  private async claim(em: EntityManager, id: string): Promise<boolean> {
    const now = this.deps.now();
    try {
      await em.insert(SendClaim, { _id: id, claimedAt: now });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await em.fork().findOne(SendClaim, { _id: id });
    if (existing && now.getTime() - existing.claimedAt.getTime() < CLAIM_LEASE_MS) return false;
    // A stale claim: remove it and race for a fresh one (the loser backs off).
    await em.nativeDelete(SendClaim, { _id: id, claimedAt: existing?.claimedAt ?? now });
    try {
      await em.insert(SendClaim, { _id: id, claimedAt: now });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
