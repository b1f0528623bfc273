import { gql } from '@apollo/client';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Empty,
  ErrorNotice,
  formatInstant,
  Icon,
  type IconName,
  Loading,
  SignInRequired,
  useSession,
} from '@bloom/client-shared';
import { NextPageButton, type PageInfo, useCursorPages } from '../ui/browse-listing.js';

const PAGE_SIZE = 20;

const NOTICES = gql`
  query Notices($first: Int!, $after: String, $unreadOnly: Boolean) {
    notices(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        title
        body
        createdAt
        read
        order {
          id
        }
        product {
          id
        }
        store {
          id
        }
      }
    }
  }
`;

const UNREAD = gql`
  query UnreadNotices {
    unreadNoticeCount
  }
`;

const LIVE = gql`
  subscription NoticesLive {
    notificationAdded {
      id
    }
  }
`;

const MARK_READ = gql`
  mutation MarkNoticeRead($id: ID!) {
    markNoticeRead(id: $id) {
      __typename
      ... on Notice {
        id
        read
      }
    }
  }
`;

const MARK_ALL_READ = gql`
  mutation MarkAllNoticesRead($upTo: DateTimeISO) {
    markAllNoticesRead(upTo: $upTo) {
      readUpTo
      unreadCount
    }
  }
`;

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  order: { id: string } | null;
  product: { id: string } | null;
  store: { id: string } | null;
}

interface NoticesData {
  notices: {
    totalCount: number;
    pageInfo: PageInfo;
    nodes: Notice[];
  };
}

interface NoticesVars {
  first: number;
  after: string | null;
  unreadOnly: boolean;
}

/** Line icons (no emoji font needed): what the notice is about. */
const iconOf = (kind: string): IconName =>
  kind.startsWith('SUBSCRIPTION')
    ? 'repeat'
    : kind === 'RESTOCK_AVAILABLE' || kind === 'DELIVERED'
      ? 'flower'
      : kind.startsWith('ORDER') || kind === 'DELIVERY_STARTED' || kind === 'PICKUP_READY'
        ? 'cart'
        : 'bell';

/** Where a notice leads: its order first (what most notices are about), then product, store. */
const target = (n: Notice): string | null =>
  n.order
    ? `/orders/${n.order.id}`
    : n.product
      ? `/products/${n.product.id}`
      : n.store
        ? `/stores/${n.store.id}`
        : null;

export function Page() {
  const session = useSession();
  if (!session) return <SignInRequired what="알림" />;
  return <Inbox />;
}

function Inbox() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useQuery<{ unreadNoticeCount: number }>(UNREAD, {
    fetchPolicy: 'cache-and-network',
  });
  // The first page tells which notices "모두 읽음" covers: those up to the newest one shown.
  const first = useQuery<NoticesData, NoticesVars>(NOTICES, {
    variables: { first: PAGE_SIZE, after: null, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(LIVE, {
    onData: () => {
      void first.refetch();
      void unread.refetch();
    },
  });
  const [markAll, markingAll] = useMutation<
    { markAllNoticesRead: { unreadCount: number } },
    { upTo: string | null }
  >(MARK_ALL_READ, { refetchQueries: ['Notices', 'UnreadNotices', 'Badges'] });
  const newest = first.data?.notices.nodes[0]?.createdAt ?? null;
  const count = unread.data?.unreadNoticeCount ?? 0;

  return (
    <div className="buy-page">
      <div className="row">
        <h1>알림</h1>
        <button
          type="button"
          className="buy-link"
          disabled={count === 0 || markingAll.loading || !newest}
          onClick={() => void markAll({ variables: { upTo: newest } }).catch(() => undefined)}
        >
          모두 읽음
        </button>
      </div>
      <div className="chips" role="group" aria-label="알림 보기">
        <button
          type="button"
          className={`chip${!unreadOnly ? ' active' : ''}`}
          aria-pressed={!unreadOnly}
          onClick={() => setUnreadOnly(false)}
        >
          전체
        </button>
        <button
          type="button"
          className={`chip${unreadOnly ? ' active' : ''}`}
          aria-pressed={unreadOnly}
          onClick={() => setUnreadOnly(true)}
        >
          안 읽음 {count > 0 && count}
        </button>
      </div>
      <NoticeList key={String(unreadOnly)} unreadOnly={unreadOnly} />
    </div>
  );
}

/** One query per page (see `useCursorPages`): reading refetches every page shown, by name. */
function NoticeList({ unreadOnly }: { unreadOnly: boolean }) {
  const pages = useCursorPages();
  return (
    <ul className="buy-notices">
      {pages.map(({ after, onMore }) => (
        <NoticePage key={after ?? 'first'} after={after} unreadOnly={unreadOnly} onMore={onMore} />
      ))}
    </ul>
  );
}

function NoticePage({
  after,
  unreadOnly,
  onMore,
}: {
  after: string | null;
  unreadOnly: boolean;
  onMore: ((cursor: string) => void) | null;
}) {
  const { data, loading, error, refetch } = useQuery<NoticesData, NoticesVars>(NOTICES, {
    variables: { first: PAGE_SIZE, after, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const client = useApolloClient();
  const [markRead] = useMutation<
    { markNoticeRead: { __typename: string; id?: string; read?: boolean } },
    { id: string }
  >(MARK_READ);
  if (loading && !data) {
    return (
      <li>
        <Loading />
      </li>
    );
  }
  if (error && !data) {
    return (
      <li>
        <ErrorNotice error={error} retry={() => void refetch()} />
      </li>
    );
  }
  if (!data) return null;
  const { nodes, pageInfo } = data.notices;
  if (nodes.length === 0 && after === null) {
    return (
      <li>
        <Empty>
          <p>{unreadOnly ? '안 읽은 알림이 없어요.' : '아직 알림이 없어요.'}</p>
        </Empty>
      </li>
    );
  }
  const read = (n: Notice) => {
    if (n.read) return;
    void markRead({
      variables: { id: n.id },
      // Read at once on screen; the notice is opened whatever the server answers.
      optimisticResponse: { markNoticeRead: { __typename: 'Notice', id: n.id, read: true } },
    })
      .catch(() => undefined)
      // The server's state decides in the end (and the counts in the tab bar follow it).
      .finally(
        () => void client.refetchQueries({ include: ['Notices', 'UnreadNotices', 'Badges'] }),
      );
  };
  return (
    <>
      {nodes.map((n) => {
        const to = target(n);
        const body = (
          <>
            <span className="buy-notice-icon" aria-hidden>
              <Icon name={iconOf(n.kind)} />
            </span>
            <span className="buy-notice-text">
              <strong>{n.title}</strong>
              <span className="small">{n.body}</span>
              <span className="muted small">{formatInstant(n.createdAt)}</span>
            </span>
            {!n.read && <span className="buy-unread-dot" aria-label="안 읽음" />}
          </>
        );
        return (
          <li key={n.id} className={`buy-notice${n.read ? '' : ' unread'}`}>
            {to ? (
              <Link to={to} onClick={() => read(n)}>
                {body}
              </Link>
            ) : (
              <button type="button" onClick={() => read(n)}>
                {body}
              </button>
            )}
          </li>
        );
      })}
      <NextPageButton pageInfo={pageInfo} onMore={onMore} listItem />
    </>
  );
}
