import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorNotice, Loading, SignInRequired, useSession } from '@bloom/client-shared';
import { NextPageButton, type PageInfo, useCursorPages } from '../ui/browse-listing.js';
import { ORDER_CARD, OrderCard, type OrderCardData } from '../ui/buy-order-card.js';
import { PendingReviews } from './review/pending-reviews.js';

const PAGE_SIZE = 10;

const MY_ORDERS = gql`
  query MyOrders($first: Int!, $after: String, $filter: OrderFilter) {
    myOrders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...OrderCard
      }
    }
  }
  ${ORDER_CARD}
`;

const UPCOMING_PICKUPS = gql`
  query MyUpcomingPickups {
    myUpcomingPickups {
      ...OrderCard
    }
  }
  ${ORDER_CARD}
`;

interface MyOrdersData {
  myOrders: {
    totalCount: number;
    pageInfo: PageInfo;
    nodes: OrderCardData[];
  };
}

interface MyOrdersVars {
  first: number;
  after: string | null;
  filter: { fulfilment: 'DELIVERY' | 'PICKUP' } | null;
}

const FILTERS = [
  ['ALL', '전체'],
  ['DELIVERY', '배송'],
  ['PICKUP', '픽업'],
] as const;

type Filter = (typeof FILTERS)[number][0];

export function Page() {
  const session = useSession();
  const [filter, setFilter] = useState<Filter>('ALL');
  if (!session) return <SignInRequired what="주문 내역" />;
  return (
    <div className="buy-page">
      <h1>주문 내역</h1>
      <UpcomingPickups />
      <PendingReviews />
      <div className="chips" role="group" aria-label="주문 종류">
        {FILTERS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            className={`chip${filter === key ? ' active' : ''}`}
            aria-pressed={filter === key}
            onClick={() => setFilter(key)}
          >
            {label}
          </button>
        ))}
      </div>
      {/* A new filter starts again from the first page. */}
      <OrderHistory key={filter} filter={filter} />
    </div>
  );
}

function UpcomingPickups() {
  const { data } = useQuery<{ myUpcomingPickups: OrderCardData[] }>(UPCOMING_PICKUPS, {
    fetchPolicy: 'cache-and-network',
  });
  const pickups = data?.myUpcomingPickups ?? [];
  if (pickups.length === 0) return null;
  return (
    <section aria-labelledby="upcoming" className="buy-upcoming">
      <h2 id="upcoming">찾아갈 픽업 {pickups.length}건</h2>
      {pickups.map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
    </section>
  );
}

/** Pages are separate queries, one per cursor (see `useCursorPages`). */
function OrderHistory({ filter }: { filter: Filter }) {
  const pages = useCursorPages();
  return (
    <section aria-label="지난 주문" className="buy-history">
      {pages.map(({ after, onMore }) => (
        <OrdersPage key={after ?? 'first'} after={after} filter={filter} onMore={onMore} />
      ))}
    </section>
  );
}

function OrdersPage({
  after,
  filter,
  onMore,
}: {
  after: string | null;
  filter: Filter;
  onMore: ((cursor: string) => void) | null;
}) {
  const { data, loading, error, refetch } = useQuery<MyOrdersData, MyOrdersVars>(MY_ORDERS, {
    variables: {
      first: PAGE_SIZE,
      after,
      filter: filter === 'ALL' ? null : { fulfilment: filter },
    },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  const { nodes, pageInfo } = data.myOrders;
  if (nodes.length === 0 && after === null) {
    return (
      <Empty>
        <p>아직 주문이 없어요.</p>
        <Link className="button" to="/products">
          꽃 둘러보기
        </Link>
      </Empty>
    );
  }
  return (
    <>
      {nodes.map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
      <NextPageButton pageInfo={pageInfo} onMore={onMore} />
    </>
  );
}
