import { sellerApproved } from '@bloom/schema';
import { customerCaller, dataOf } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { type NotificationsHarness, startNotifications } from './notifications.harness.js';

let h: NotificationsHarness;
beforeAll(async () => {
  h = await startNotifications('inbox');
});
afterAll(async () => h.close());

const READER_ID = 'u-reader';
const reader = customerCaller(READER_ID);

async function notify(at: Date) {
  h.setNow(at);
  await h.server.consumer.handle(
    h.event(sellerApproved, {
      userId: READER_ID,
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
      graphql(`
        query FirstNotices {
          notices(first: 2) {
            totalCount
            nodes {
              id
              createdAt
              read
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
          unreadNoticeCount
        }
      `),
      {},
      reader,
    );
    expect(first.data?.notices.totalCount).toBe(5);
    expect(first.data?.unreadNoticeCount).toBe(5);
    expect(first.data?.notices.pageInfo.hasNextPage).toBe(true);
    const [newest] = dataOf(first).notices.nodes;
    expect(newest?.createdAt).toBe(new Date(base + 4000).toISOString());
    if (!newest) throw new Error('no newest notice');
    const rest = await h.call(
      graphql(`
        query NoticesAfter($a: String) {
          notices(first: 10, after: $a) {
            nodes {
              id
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      `),
      { a: first.data?.notices.pageInfo.endCursor },
      reader,
    );
    expect(rest.data?.notices.nodes).toHaveLength(3);
    expect(rest.data?.notices.pageInfo.hasNextPage).toBe(false);

    // Marking one read, twice at once, counts once; each answer is the notice, now read.
    const answers = await Promise.all(
      [1, 2].map(() =>
        h.call(
          graphql(`
            mutation MarkNoticeRead($id: ID!) {
              markNoticeRead(id: $id) {
                __typename
                ... on Notice {
                  read
                }
              }
            }
          `),
          { id: newest.id },
          reader,
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.markNoticeRead).toEqual({ __typename: 'Notice', read: true });
    }
    const count = await h.call(
      graphql(`
        query UnreadCounts {
          unreadNoticeCount
          notices(unreadOnly: true) {
            totalCount
          }
        }
      `),
      {},
      reader,
    );
    expect(count.data).toEqual({ unreadNoticeCount: 4, notices: { totalCount: 4 } });

    // Someone else cannot mark (or see) the reader's notice.
    const other = await h.call(
      graphql(`
        mutation MarkSomeoneElsesNoticeRead($id: ID!) {
          markNoticeRead(id: $id) {
            __typename
          }
        }
      `),
      { id: newest.id },
      { userId: 'u-other' },
    );
    expect(other.data?.markNoticeRead.__typename).toBe('NoticeNotFoundError');

    // Mark all up to what the client showed; a notice that arrives meanwhile stays unread.
    await notify(new Date(base + 10_000));
    const marked = await h.call(
      graphql(`
        mutation MarkAllNoticesRead($t: DateTimeISO) {
          markAllNoticesRead(upTo: $t) {
            unreadCount
            readUpTo
          }
        }
      `),
      { t: new Date(base + 4000).toISOString() },
      reader,
    );
    expect(marked.data?.markAllNoticesRead.unreadCount).toBe(1);
    const unread = await h.call(
      graphql(`
        query UnreadNotices {
          notices(unreadOnly: true) {
            nodes {
              createdAt
            }
          }
        }
      `),
      {},
      reader,
    );
    expect(unread.data?.notices.nodes).toEqual([
      { createdAt: new Date(base + 10_000).toISOString() },
    ]);
  });

  it('refuses anonymous readers', async () => {
    const res = await h.call(
      graphql(`
        query UnreadNoticeCount {
          unreadNoticeCount
        }
      `),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
