import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatWon } from '@bloom/client-shared';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DASHBOARD,
  type DashboardData,
  SUBSCRIPTION_STATS,
  type SubscriptionStatsData,
} from './dashboard/dashboard.operations.js';
import { SalesChart } from './dashboard/sales-chart.js';

const PERIODS = [7, 30, 90] as const;

const count = (n: number) => n.toLocaleString('ko-KR');

/** The platform at a glance for a period: takings, orders, who joined, what went wrong. */
export function Page() {
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const query = useQuery<DashboardData>(DASHBOARD, {
    variables: { days },
    fetchPolicy: 'cache-and-network',
  });
  const stats = useQuery<SubscriptionStatsData>(SUBSCRIPTION_STATS, {
    variables: { days },
    fetchPolicy: 'cache-and-network',
  });
  const data = query.data;
  const subscriptions = stats.data?.platformSubscriptionStats;
  const signups = (data?.platformSignups ?? []).reduce(
    (sum, d) => ({ customers: sum.customers + d.customers, sellers: sum.sellers + d.sellers }),
    { customers: 0, sellers: 0 },
  );

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>대시보드</h1>
          <p className="muted small">최근 {days}일 동안의 플랫폼 전체 모습이에요.</p>
        </div>
        <div className="chips" role="group" aria-label="기간">
          {PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              className={p === days ? 'chip active' : 'chip'}
              aria-pressed={p === days}
              onClick={() => setDays(p)}
            >
              {p}일
            </button>
          ))}
        </div>
      </header>
      {query.error && !data ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <dl className="admin-figures admin-figures-wide" aria-label="요약">
            <div>
              <dt>거래액</dt>
              <dd>{formatWon(data.platformSummary.gmv)}</dd>
            </div>
            <div>
              <dt>주문</dt>
              <dd>{count(data.platformSummary.orders)}건</dd>
            </div>
            <div>
              <dt>새 고객 / 새 판매자</dt>
              <dd>
                {count(signups.customers)}명 / {count(signups.sellers)}명
              </dd>
            </div>
            <div>
              <dt>결제 실패</dt>
              <dd className={data.platformSummary.failedCheckouts > 0 ? 'text-bad' : ''}>
                <Link to="/orders?status=FAILED">
                  {count(data.platformSummary.failedCheckouts)}건
                </Link>
              </dd>
            </div>
            <div>
              <dt>취소</dt>
              <dd>{count(data.platformSummary.canceledOrders)}건</dd>
            </div>
            <div>
              <dt>정기배송 시작 / 정지 / 해지</dt>
              {subscriptions ? (
                <dd>
                  {count(subscriptions.started)} /{' '}
                  <span className={subscriptions.suspended > 0 ? 'text-bad' : ''}>
                    {count(subscriptions.suspended)}
                  </span>{' '}
                  / {count(subscriptions.canceled)}
                </dd>
              ) : (
                <dd className="muted small">
                  {stats.error ? '불러오지 못했어요' : '불러오는 중…'}
                </dd>
              )}
            </div>
          </dl>
          <section className="card" aria-labelledby="dash-chart">
            <h2 id="dash-chart">하루 거래액과 주문</h2>
            <SalesChart days={data.platformDailySales} />
          </section>
          <div className="admin-grid">
            <section className="card" aria-labelledby="dash-stores">
              <h2 id="dash-stores">매출 상위 매장</h2>
              {data.topStores.length === 0 ? (
                <Empty>이 기간에 팔린 매장이 없어요.</Empty>
              ) : (
                <ol className="admin-list admin-rank">
                  {data.topStores.map((s) => (
                    <li key={s.store.id}>
                      <Link to={`/stores/${s.store.id}`}>{s.store.name}</Link>
                      <span>
                        {formatWon(s.amount)}{' '}
                        <span className="muted small">{count(s.orderCount)}건</span>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section className="card" aria-labelledby="dash-products">
              <h2 id="dash-products">많이 팔린 상품</h2>
              {data.platformTopProducts.length === 0 ? (
                <Empty>이 기간에 팔린 상품이 없어요.</Empty>
              ) : (
                <ol className="admin-list admin-rank">
                  {data.platformTopProducts.map((p) => (
                    <li key={p.product.id}>
                      <span>{p.productName}</span>
                      <span>
                        {count(p.quantity)}개{' '}
                        <span className="muted small">{formatWon(p.amount)}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        </>
      )}
    </section>
  );
}
