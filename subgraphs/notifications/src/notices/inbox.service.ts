import {
  type AuthenticatedCaller,
  type Caller,
  type EntityManager,
  type Page,
  findPage,
  hasRole,
  isDuplicateKeyError,
  newestFirst,
  simpleError,
} from '@bloom/kernel';
import type { FilterQuery } from '@mikro-orm/core';
import type { NotificationsDeps } from '../notifications.deps.js';
import {
  ADMINS_KEY,
  InboxWatermark,
  Notice,
  NoticeRead,
  type RecipientKey,
  userKey,
} from './notice.entity.js';
import { NoticeNotFoundError } from './notice.errors.js';
import { InboxReadState, NoticeNode, ref } from './notice.types.js';
import { upsertFields } from '../shared/upsert.js';

const NEWEST_FIRST = newestFirst<Notice>(
  'createdAt',
  (n) => n.createdAt,
  (n) => n._id,
  'string',
);

/** The inbox keys a caller reads: their own, plus the admin audience for administrators. */
export function recipientKeys(caller: Caller): RecipientKey[] {
  const keys: RecipientKey[] = caller.userId ? [userKey(caller.userId)] : [];
  if (hasRole(caller, 'ADMIN')) keys.push(ADMINS_KEY);
  return keys;
}

/**
 * A person's inbox. Read state is per reader: a watermark (everything created up to it is
 * read, set by "mark all") plus one record per notice read individually, so marking never
 * rewrites notices and an admin notice has its own state for each admin.
 */
export class InboxService {
  private watermark: Promise<Date> | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: NotificationsDeps,
    private readonly reader: AuthenticatedCaller,
  ) {}

  private readUpTo(): Promise<Date> {
    this.watermark ??= this.em
      .findOne(InboxWatermark, { _id: this.reader.userId })
      .then((mark) => mark?.readUpTo ?? new Date(0));
    return this.watermark;
  }

  /** Notices the reader may see, as a query condition. */
  private visible(): FilterQuery<Notice> {
    return { recipient: { $in: recipientKeys(this.reader) } };
  }

  async toNodes(notices: Notice[]): Promise<NoticeNode[]> {
    const readUpTo = await this.readUpTo();
    const candidates = notices.filter((n) => n.createdAt > readUpTo).map((n) => n._id);
    const reads = candidates.length
      ? await this.em.find(NoticeRead, {
          _id: { $in: candidates.map((id) => `${id}:${this.reader.userId}`) },
        })
      : [];
    const readIds = new Set(reads.map((r) => r.noticeId));
    // Class instances, not plain objects: union results (MarkNoticeReadResult) resolve by class.
    return notices.map((n) =>
      Object.assign(new NoticeNode(), {
        id: n._id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt,
        read: n.createdAt <= readUpTo || readIds.has(n._id),
        forAdmins: n.recipient === ADMINS_KEY,
        product: ref(n.productId),
        store: ref(n.storeId),
        order: ref(n.orderId),
      }),
    );
  }

  async get(id: string): Promise<Notice | null> {
    return this.em.findOne(Notice, { $and: [{ _id: id }, this.visible()] });
  }

  /** Newest first; cursor after (createdAt, id). */
  async list(first: number, after?: string, unreadOnly = false): Promise<Page<NoticeNode>> {
    const where: FilterQuery<Notice>[] = [this.visible()];
    if (unreadOnly) {
      const readUpTo = await this.readUpTo();
      const reads = await this.em.find(
        NoticeRead,
        { userId: this.reader.userId, noticeCreatedAt: { $gt: readUpTo } },
        { fields: ['noticeId'] },
      );
      where.push({ createdAt: { $gt: readUpTo } });
      if (reads.length) where.push({ _id: { $nin: reads.map((r) => r.noticeId) } });
    }
    const page = await findPage(this.em, Notice, { $and: where }, NEWEST_FIRST, first, after);
    return { ...page, nodes: await this.toNodes(page.nodes) };
  }

  async unreadCount(): Promise<number> {
    const readUpTo = await this.readUpTo();
    const [newer, readNewer] = await Promise.all([
      this.em.count(Notice, { $and: [this.visible(), { createdAt: { $gt: readUpTo } }] }),
      this.em.count(NoticeRead, { userId: this.reader.userId, noticeCreatedAt: { $gt: readUpTo } }),
    ]);
    return Math.max(0, newer - readNewer);
  }

  /** Marking twice is harmless: the read record's insert is keyed by (notice, reader). */
  async markRead(id: string): Promise<NoticeNode | NoticeNotFoundError> {
    const notice = await this.get(id);
    if (!notice) {
      return simpleError(NoticeNotFoundError, 'NOTICE_NOT_FOUND', 'There is no such notice.');
    }
    try {
      await this.em.insert(NoticeRead, {
        _id: `${notice._id}:${this.reader.userId}`,
        userId: this.reader.userId,
        noticeId: notice._id,
        noticeCreatedAt: notice.createdAt,
        readAt: this.deps.now(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const [node] = await this.toNodes([notice]);
    return node!;
  }

  /**
   * Moves the watermark to `upTo` (what the client last showed; now by default). Notices that
   * arrive meanwhile are newer than it and stay unread. The watermark only moves forward; two
   * concurrent calls can at worst leave the earlier of their two instants, which keeps more
   * notices unread, never fewer.
   */
  async markAllRead(upTo?: Date): Promise<InboxReadState> {
    const now = this.deps.now();
    const target = upTo && upTo < now ? upTo : now;
    const current = await this.readUpTo();
    const readUpTo = target > current ? target : current;
    if (readUpTo > current) {
      await upsertFields(this.em, InboxWatermark, this.reader.userId, { readUpTo });
    }
    this.watermark = Promise.resolve(readUpTo);
    return Object.assign(new InboxReadState(), { readUpTo, unreadCount: await this.unreadCount() });
  }
}
