import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, useToast } from '@bloom/client-shared';
import { useState } from 'react';
import { NoticePage } from './notice-page.js';
import {
  NOTICE_PAGE_SIZE,
  NOTICE_REFETCH,
  type NoticesData,
  type NoticesVariables,
  SELLER_MARK_ALL_NOTICES_READ,
  SELLER_NOTICES,
  SELLER_NOTICES_LIVE,
  SELLER_UNREAD_NOTICES,
  type UnreadData,
} from './notices.operations.js';
import './notices.css';

/**
 * The seller's inbox: unread notices stand out, one tap reads (and opens what it is about),
 * "모두 읽음" clears the rest; new notices come in live while the page is open.
 */
export function NoticesView() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const toast = useToast();
  const unread = useQuery<UnreadData>(SELLER_UNREAD_NOTICES, { fetchPolicy: 'cache-and-network' });
  // The first page tells which notices "모두 읽음" covers: those up to the newest one shown.
  const first = useQuery<NoticesData, NoticesVariables>(SELLER_NOTICES, {
    variables: { first: NOTICE_PAGE_SIZE, after: null, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(SELLER_NOTICES_LIVE, {
    onData: () => {
      void first.refetch();
      void unread.refetch();
    },
  });
  const [markAll, markingAll] = useMutation<
    { markAllNoticesRead: { unreadCount: number } },
    { upTo: string | null }
  >(SELLER_MARK_ALL_NOTICES_READ, { refetchQueries: NOTICE_REFETCH, awaitRefetchQueries: true });

  if (first.loading && !first.data) return <Loading />;
  if (first.error && !first.data)
    return <ErrorNotice error={first.error} retry={() => void first.refetch()} />;

  const newest = first.data?.notices.nodes[0]?.createdAt ?? null;
  const count = unread.data?.unreadNoticeCount ?? 0;
  const readAll = () =>
    void markAll({ variables: { upTo: newest } })
      .then(() => toast({ title: '알림을 모두 읽었어요.' }))
      .catch(() => toast({ title: '읽음으로 바꾸지 못했어요. 잠시 후 다시 해 주세요.' }));

  return (
    <div className="ntc stack">
      <header className="ntc-head">
        <div>
          <h1>알림</h1>
          <p className="muted small ntc-count" aria-live="polite">
            {count > 0 ? `안 읽은 알림 ${count.toLocaleString('ko-KR')}개` : '모두 읽었어요.'}
          </p>
        </div>
        <button
          type="button"
          className="button secondary"
          disabled={count === 0 || markingAll.loading || !newest}
          onClick={readAll}
        >
          모두 읽음
        </button>
      </header>
      <div className="chips" role="group" aria-label="알림 보기">
        <button
          type="button"
          className={unreadOnly ? 'chip' : 'chip active'}
          aria-pressed={!unreadOnly}
          onClick={() => setUnreadOnly(false)}
        >
          전체
        </button>
        <button
          type="button"
          className={unreadOnly ? 'chip active' : 'chip'}
          aria-pressed={unreadOnly}
          onClick={() => setUnreadOnly(true)}
        >
          안 읽음 {count > 0 ? count : ''}
        </button>
      </div>
      <NoticeList key={String(unreadOnly)} unreadOnly={unreadOnly} />
    </div>
  );
}

/** One query per page; "더 보기" appends the next page after the last cursor. */
function NoticeList({ unreadOnly }: { unreadOnly: boolean }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className="ntc-list">
      {cursors.map((after, i) => (
        <NoticePage
          key={after ?? 'first'}
          after={after}
          unreadOnly={unreadOnly}
          empty={
            <li>
              <Empty>{unreadOnly ? '안 읽은 알림이 없어요.' : '아직 알림이 없어요.'}</Empty>
            </li>
          }
          onMore={i === cursors.length - 1 ? (cursor) => setCursors((c) => [...c, cursor]) : null}
        />
      ))}
    </ul>
  );
}
