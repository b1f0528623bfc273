import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Empty, ErrorNotice, Loading } from '@bloom/client-shared';
import { MY_SUBSCRIPTIONS } from './subscription.operations.js';
import type { FlowerSubscription } from './subscription.types.js';
import { SubscriptionCard } from './subscription-card.js';

/** The shopper's subscriptions, one card each, or how to start one. */
export function SubscriptionList() {
  const { data, loading, error, refetch } = useQuery<{ mySubscriptions: FlowerSubscription[] }>(
    MY_SUBSCRIPTIONS,
    { fetchPolicy: 'cache-and-network' },
  );
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  const list = data.mySubscriptions;
  return (
    <div className="buy-page">
      <h1>정기구독</h1>
      {list.length === 0 ? (
        <Empty>
          <p>
            구독 중인 꽃이 없어요.
            <br />
            정기구독 상품을 고르면 정해진 날마다 꽃이 도착해요.
          </p>
          <Link className="button" to="/products">
            정기구독 상품 찾기
          </Link>
        </Empty>
      ) : (
        list.map((s) => <SubscriptionCard key={s.id} subscription={s} />)
      )}
    </div>
  );
}
