import { type EntityManager, type EventEnvelope, isDuplicateKeyError } from '@bloom/kernel';
import { LIVE_SUBJECTS, type LiveNotice } from '@bloom/schema';
import type { OutgoingSender } from '../delivery/outgoing.sender.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { SmsSetting } from '../projections/projection.entities.js';
import { SMS_POLICY, type NoticeKind } from './notice-kind.js';
import { ADMINS_KEY, Notice, type RecipientKey, userKey } from './notice.entity.js';

/** One notice for one recipient, as an event route plans it. */
export interface NoticePlan {
  recipient: { userId: string } | { audience: 'ADMINS' };
  kind: NoticeKind;
  title: string;
  body: string;
  productId?: string;
  storeId?: string;
  orderId?: string;
  /** Overrides the SMS text (defaults to the title and body). */
  smsText?: string;
}

export interface DispatchOutcome {
  noticeId: string;
  created: boolean;
  smsQueued: boolean;
}

export const recipientKeyOf = (recipient: NoticePlan['recipient']): RecipientKey =>
  'userId' in recipient ? userKey(recipient.userId) : ADMINS_KEY;

/**
 * Delivers one planned notice on every channel, each exactly once per (event, recipient,
 * channel): the in-app notice and each outgoing message are inserted under ids built from that
 * triple, so a redelivered event finds them taken and sends nothing again. The live push
 * follows only the first insert of the notice.
 */
export class NoticeDispatcher {
  constructor(
    private readonly deps: NotificationsDeps,
    private readonly sender: OutgoingSender,
  ) {}

  async dispatch(
    em: EntityManager,
    /** What the notice is about, once: an event, or a change of the service's own. */
    event: Pick<EventEnvelope, 'id'>,
    plan: NoticePlan,
  ): Promise<DispatchOutcome> {
    const recipient = recipientKeyOf(plan.recipient);
    const noticeId = `${event.id}:${recipient}`;
    const createdAt = this.deps.now();
    let created = true;
    try {
      await em.insert(Notice, {
        _id: noticeId,
        recipient,
        kind: plan.kind,
        title: plan.title,
        body: plan.body,
        eventId: event.id,
        productId: plan.productId,
        storeId: plan.storeId,
        orderId: plan.orderId,
        createdAt,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      created = false;
    }
    if (created) {
      const message: LiveNotice = {
        noticeId,
        kind: plan.kind,
        recipient: plan.recipient,
        createdAt: createdAt.toISOString(),
      };
      this.deps.live.publishLive(LIVE_SUBJECTS.notice, message);
    }

    let smsQueued = false;
    const policy = SMS_POLICY[plan.kind];
    if (policy && 'userId' in plan.recipient) {
      const setting = await em.findOne(SmsSetting, { _id: plan.recipient.userId });
      if (setting?.phone) {
        smsQueued = await this.sender.queueSms(em, {
          id: `${noticeId}:SMS`,
          to: setting.phone,
          text: plan.smsText ?? `[Blooming Blooms] ${plan.title} — ${plan.body}`,
          urgent: policy.urgent,
        });
      }
    }
    return { noticeId, created, smsQueued };
  }

  /** An e-mail with no in-app notice (verification codes), once per (event, recipient). */
  mail(
    em: EntityManager,
    event: EventEnvelope,
    userId: string,
    mail: { to: string; subject: string; text: string },
  ): Promise<boolean> {
    return this.sender.queueMail(em, { id: `${event.id}:${userKey(userId)}:EMAIL`, ...mail });
  }
}
