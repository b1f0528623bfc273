import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading } from '@bloom/client-shared';
import { Link } from 'react-router';
import { TodayFrame, TodayView } from './today-view.js';
import { MY_STORE } from './today.operations.js';
import type { MyStoreData } from './today.types.js';

/** The home screen: the seller's store, then its board. */
export function TodayPage() {
  const { data, loading, error, refetch } = useQuery<MyStoreData>(MY_STORE, {
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) {
    return (
      <TodayFrame>
        <Loading />
      </TodayFrame>
    );
  }
  if (error && !data) {
    return (
      <TodayFrame>
        <ErrorNotice error={error} retry={() => void refetch()} />
      </TodayFrame>
    );
  }
  const store = data?.myStore;
  if (!store) {
    return (
      <TodayFrame>
        <Empty>
          <p>아직 꽃집이 없어요. 매장을 등록하면 여기에서 오늘 주문을 볼 수 있어요.</p>
          <Link className="button" to="/store">
            매장 등록하기
          </Link>
        </Empty>
      </TodayFrame>
    );
  }
  return (
    <TodayView
      storeId={store.id}
      storeName={store.name}
      closedWeekdays={store.businessHours.closedWeekdays}
    />
  );
}
