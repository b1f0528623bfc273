import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatWon, seoulDay } from '@bloom/client-shared';
import { Link } from 'react-router';
import { SalesChart } from './sales-chart.js';
import {
  SALES_STORE,
  STORE_SALES,
  type SalesStoreData,
  type StoreSalesData,
} from './sales.operations.js';
import { SettlementTable } from './settlement-table.js';
import './sales.css';

const count = (n: number) => n.toLocaleString('ko-KR');

/** The seller's store first, then its figures. */
export function SalesPage() {
  const { data, loading, error, refetch } = useQuery<SalesStoreData>(SALES_STORE, {
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const store = data?.myStore;
  if (!store) {
    return (
      <div className="sales stack">
        <h1>매출</h1>
        <Empty>
          <p>아직 꽃집이 없어요. 매장을 등록하면 여기에서 매출을 볼 수 있어요.</p>
          <Link className="button" to="/store">
            매장 등록하기
          </Link>
        </Empty>
      </div>
    );
  }
  return <SalesView storeId={store.id} storeName={store.name} />;
}

/** Last 7 days as a chart, the 30-day top 10, and the monthly settlements with CSV. */
export function SalesView({ storeId, storeName }: { storeId: string; storeName: string }) {
  const { data, loading, error, refetch } = useQuery<StoreSalesData>(STORE_SALES, {
    variables: { storeId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const days = data?.storeDailySales ?? [];
  const top = data?.storeTopProducts ?? [];
  const settlements = data?.storeSettlements ?? [];
  const weekAmount = days.reduce((sum, d) => sum + d.amount, 0);
  const weekOrders = days.reduce((sum, d) => sum + d.orderCount, 0);
  const today = days.find((d) => d.date === seoulDay());
  const best = Math.max(0, ...top.map((p) => p.amount));

  return (
    <div className="sales stack">
      <header>
        <h1>매출</h1>
        <p className="muted small">{storeName}의 판매 현황이에요. 취소된 주문은 빠져요.</p>
      </header>

      <section className="card sales-section" aria-labelledby="sales-week">
        <div className="sales-section-head">
          <h2 id="sales-week">최근 7일 매출</h2>
          <dl className="sales-figures">
            <div>
              <dt>7일 합계</dt>
              <dd>{formatWon(weekAmount)}</dd>
            </div>
            <div>
              <dt>주문</dt>
              <dd>{count(weekOrders)}건</dd>
            </div>
            <div>
              <dt>오늘</dt>
              <dd>{formatWon(today?.amount ?? 0)}</dd>
            </div>
          </dl>
        </div>
        <SalesChart days={days} />
        {weekOrders === 0 && (
          <p className="sales-note muted small">
            최근 7일 동안 판매가 없어요. 주문이 들어오면 날짜별로 여기에 쌓여요.
          </p>
        )}
      </section>

      <section className="card sales-section" aria-labelledby="sales-top">
        <h2 id="sales-top">많이 팔린 상품</h2>
        <p className="muted small">최근 30일, 많이 팔린 순서로 10개까지 보여 드려요.</p>
        {top.length === 0 ? (
          <Empty>최근 30일 동안 팔린 상품이 없어요.</Empty>
        ) : (
          <ol className="sales-top">
            {top.map((p, i) => (
              <li key={p.product.id} className="sales-top-row">
                <span className="sales-rank">{i + 1}</span>
                <span className="sales-top-name">
                  <strong>{p.productName}</strong>
                  <span
                    className="sales-top-bar"
                    style={{ width: `${best > 0 ? Math.max(4, (p.amount / best) * 100) : 0}%` }}
                    aria-hidden="true"
                  />
                </span>
                <span className="sales-top-figure">
                  <strong>{formatWon(p.amount)}</strong>
                  <span className="muted small">{count(p.quantity)}개</span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <SettlementTable settlements={settlements} storeName={storeName} />
    </div>
  );
}
