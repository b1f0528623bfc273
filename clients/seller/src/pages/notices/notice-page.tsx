import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ErrorNotice, Icon, Loading, formatInstant } from '@bloom/client-shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { noticeIcon, noticeTarget, targetLabel } from './notice-target.js';
import {
  type MarkReadResult,
  NOTICE_PAGE_SIZE,
  NOTICE_REFETCH,
  type Notice,
  type NoticesData,
  type NoticesVariables,
  SELLER_MARK_NOTICE_READ,
  SELLER_NOTICES,
} from './notices.operations.js';

interface Props {
  after: string | null;
  unreadOnly: boolean;
  empty: ReactNode;
  onMore: ((cursor: string) => void) | null;
}

/** One page of the inbox (20 notices), newest first; unread ones carry a dot and a tint. */
export function NoticePage({ after, unreadOnly, empty, onMore }: Props) {
  const { data, loading, error, refetch } = useQuery<NoticesData, NoticesVariables>(
    SELLER_NOTICES,
    { variables: { first: NOTICE_PAGE_SIZE, after, unreadOnly }, fetchPolicy: 'cache-and-network' },
  );
  const client = useApolloClient();
  const [markRead] = useMutation<{ markNoticeRead: MarkReadResult }, { id: string }>(
    SELLER_MARK_NOTICE_READ,
  );

  if (loading && !data)
    return (
      <li>
        <Loading />
      </li>
    );
  if (error && !data)
    return (
      <li>
        <ErrorNotice error={error} retry={() => void refetch()} />
      </li>
    );
  if (!data) return null;
  const { nodes, pageInfo } = data.notices;
  if (nodes.length === 0 && after === null) return empty;

  const read = (n: Notice) => {
    if (n.read) return;
    void markRead({
      variables: { id: n.id },
      // Read at once on screen; the counts follow the server's answer.
      optimisticResponse: { markNoticeRead: { __typename: 'Notice', id: n.id, read: true } },
    })
      .catch(() => undefined)
      .finally(() => void client.refetchQueries({ include: NOTICE_REFETCH }));
  };

  return (
    <>
      {nodes.map((n) => {
        const to = noticeTarget(n);
        const content = (
          <>
            <span className="ntc-icon" aria-hidden="true">
              <Icon name={noticeIcon(n.kind)} />
            </span>
            <span className="ntc-text">
              <strong className="ntc-title">{n.title}</strong>
              <span className="ntc-body">{n.body}</span>
              <span className="muted small">
                {formatInstant(n.createdAt)}
                {to ? ` · ${targetLabel(to)}` : ''}
              </span>
            </span>
            {!n.read && (
              <>
                <span className="ntc-dot" aria-hidden="true" />
                <span className="sr-only">안 읽음</span>
              </>
            )}
          </>
        );
        return (
          <li
            key={n.id}
            className={`ntc-item card${n.read ? '' : ' unread'}`}
            data-kind={n.kind}
            data-read={n.read ? 'true' : 'false'}
          >
            {to ? (
              <Link to={to} className="ntc-open" onClick={() => read(n)}>
                {content}
              </Link>
            ) : (
              <button
                type="button"
                className="ntc-open"
                disabled={n.read}
                onClick={() => read(n)}
                aria-label={n.read ? undefined : `${n.title} 읽음으로 표시`}
              >
                {content}
              </button>
            )}
            {to && !n.read && (
              <button type="button" className="ntc-mark" onClick={() => read(n)}>
                읽음
              </button>
            )}
          </li>
        );
      })}
      {onMore && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li className="ntc-more">
          <button
            type="button"
            className="button secondary block"
            onClick={() => pageInfo.endCursor && onMore(pageInfo.endCursor)}
          >
            알림 더 보기
          </button>
        </li>
      )}
    </>
  );
}
