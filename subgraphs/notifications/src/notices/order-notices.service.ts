import type { EntityManager } from '@bloom/kernel';
import { MailMessage, SmsMessage } from '../delivery/outgoing.entities.js';
import { OrderParties } from '../projections/projection.entities.js';
import {
  ADMINS_KEY,
  InboxWatermark,
  Notice,
  NoticeRead,
  type RecipientKey,
} from './notice.entity.js';
import {
  DeliveryStatus,
  NoticeChannel,
  NoticeDelivery,
  RecipientRole,
  SentNotice,
} from './order-notices.types.js';

/** The person a notice went to; null for the admin audience. */
const userOf = (recipient: RecipientKey): string | null =>
  recipient === ADMINS_KEY ? null : recipient.slice('user:'.length);

const delivery = (
  channel: NoticeChannel,
  message: { status: string; sentAt?: Date; lastError?: string },
) =>
  Object.assign(new NoticeDelivery(), {
    channel,
    status: message.status as DeliveryStatus,
    sentAt: message.sentAt ?? null,
    error: message.lastError ?? null,
  });

/** Admin: what was sent about an order, on which channels, and whether it was read. */
export class OrderNoticesService {
  constructor(private readonly em: EntityManager) {}

  async of(orderId: string): Promise<SentNotice[]> {
    const notices = await this.em.find(
      Notice,
      { orderId },
      { orderBy: { createdAt: 'asc', _id: 'asc' } },
    );
    if (notices.length === 0) return [];
    const ids = notices.map((n) => n._id);
    const userIds = [...new Set(notices.flatMap((n) => userOf(n.recipient) ?? []))];
    // Outgoing messages share the notice's id with the channel appended (see NoticeDispatcher).
    const [parties, sms, mail, reads, watermarks] = await Promise.all([
      this.em.findOne(OrderParties, { _id: orderId }),
      this.em.find(SmsMessage, { _id: { $in: ids.map((id) => `${id}:SMS`) } }),
      this.em.find(MailMessage, { _id: { $in: ids.map((id) => `${id}:EMAIL`) } }),
      this.em.find(NoticeRead, { noticeId: { $in: ids } }),
      userIds.length
        ? this.em.find(InboxWatermark, { _id: { $in: userIds } })
        : Promise.resolve([]),
    ]);
    const smsById = new Map(sms.map((m) => [m._id, m]));
    const mailById = new Map(mail.map((m) => [m._id, m]));
    const readUpTo = new Map(watermarks.map((w) => [w._id, w.readUpTo]));
    return notices.map((notice) => {
      const userId = userOf(notice.recipient);
      const readers = reads.filter((r) => r.noticeId === notice._id);
      const read =
        userId === null
          ? readers.length > 0
          : readers.some((r) => r.userId === userId) ||
            notice.createdAt <= (readUpTo.get(userId) ?? new Date(0));
      const deliveries = [
        delivery(NoticeChannel.IN_APP, { status: DeliveryStatus.SENT, sentAt: notice.createdAt }),
      ];
      const text = smsById.get(`${notice._id}:SMS`);
      if (text) deliveries.push(delivery(NoticeChannel.SMS, text));
      const email = mailById.get(`${notice._id}:EMAIL`);
      if (email) deliveries.push(delivery(NoticeChannel.EMAIL, email));
      return Object.assign(new SentNotice(), {
        id: notice._id,
        kind: notice.kind,
        recipientRole:
          userId === null
            ? RecipientRole.ADMIN
            : userId === parties?.customerId
              ? RecipientRole.CUSTOMER
              : RecipientRole.SELLER,
        recipientId: userId,
        channels: deliveries.map((d) => d.channel),
        deliveries,
        title: notice.title,
        body: notice.body,
        sentAt: notice.createdAt,
        read,
      });
    });
  }
}
