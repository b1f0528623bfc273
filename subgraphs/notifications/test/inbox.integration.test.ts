import { sellerApproved } from '@bloom/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationsHarness, startNotifications } from './notifications.harness.js';

let h: NotificationsHarness;
beforeAll(async () => {
  h = await startNotifications('inbox');
});
afterAll(async () => h.close());

const reader = { userId: 'u-reader', roles: ['CUSTOMER' as const] };

async function notify(at: Date) {
  h.setNow(at);
  await h.server.consumer.handle(
    h.event(sellerApproved, {
      userId: reader.userId,
      email: 'r@bloom.test',
      name: 'R',
      businessName: '가게',
      approvedBy: 'u-admin',
    }),
  );
}

describe('inbox', () => {
  it('pages newest first, counts unread, marks one and all read', async () => {
    const base = Date.parse('2026-05-01T03:00:00Z');
    for (let i = 0; i < 5; i += 1) await notify(new Date(base + i * 1000));

    const first = await h.call(
      `{ notices(first: 2) { totalCount nodes { id createdAt read } pageInfo { hasNextPage endCursor } } unreadNoticeCount }`,
      {},
      reader,
    );
    expect(first.data?.notices.totalCount).toBe(5);
    expect(first.data?.unreadNoticeCount).toBe(5);
    expect(first.data?.notices.pageInfo.hasNextPage).toBe(true);
    const [newest] = first.data?.notices.nodes as { id: string; createdAt: string }[];
    expect(newest?.createdAt).toBe(new Date(base + 4000).toISOString());
    const rest = await h.call(
      `query($a: String) { notices(first: 10, after: $a) { nodes { id } pageInfo { hasNextPage } } }`,
      { a: first.data?.notices.pageInfo.endCursor },
      reader,
    );
    expect(rest.data?.notices.nodes).toHaveLength(3);
    expect(rest.data?.notices.pageInfo.hasNextPage).toBe(false);

    // Marking one read, twice at once, counts once; each answer is the notice, now read.
    const answers = await Promise.all(
      [1, 2].map(() =>
        h.call(
          `mutation($id: ID!) { markNoticeRead(id: $id) { __typename ... on Notice { read } } }`,
          { id: newest?.id },
          reader,
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.markNoticeRead).toEqual({ __typename: 'Notice', read: true });
    }
    const count = await h.call(
      `{ unreadNoticeCount notices(unreadOnly: true) { totalCount } }`,
      {},
      reader,
    );
    expect(count.data).toEqual({ unreadNoticeCount: 4, notices: { totalCount: 4 } });

    // Someone else cannot mark (or see) the reader's notice.
    const other = await h.call(
      `mutation($id: ID!) { markNoticeRead(id: $id) { __typename } }`,
      { id: newest?.id },
      { userId: 'u-other' },
    );
    expect(other.data?.markNoticeRead.__typename).toBe('NoticeNotFoundError');

    // Mark all up to what the client showed; a notice that arrives meanwhile stays unread.
    await notify(new Date(base + 10_000));
    const marked = await h.call(
      `mutation($t: DateTimeISO) { markAllNoticesRead(upTo: $t) { unreadCount readUpTo } }`,
      { t: new Date(base + 4000).toISOString() },
      reader,
    );
    expect(marked.data?.markAllNoticesRead.unreadCount).toBe(1);
    const unread = await h.call(
      `{ notices(unreadOnly: true) { nodes { createdAt } } }`,
      {},
      reader,
    );
    expect(unread.data?.notices.nodes).toEqual([
      { createdAt: new Date(base + 10_000).toISOString() },
    ]);
  });

  it('refuses anonymous readers', async () => {
    const res = await h.call(`{ unreadNoticeCount }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
