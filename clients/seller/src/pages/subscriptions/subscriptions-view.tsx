import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatDay, seoulDay } from '@bloom/client-shared';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type CalendarData,
  SELLER_SUBSCRIPTION_CALENDAR,
  type SubscriptionDelivery,
} from './subscriptions.operations.js';
import './subscriptions.css';

const RANGES = [
  { days: 14, label: '2주' },
  { days: 31, label: '한 달' },
  { days: 92, label: '석 달' },
];

const windowText = (w: string) => (w ? w.replace('-', '~') : '시간 상관없음');

/** Deliveries grouped by day, in date order (the API lists them by day already). */
function byDay(deliveries: SubscriptionDelivery[]): [string, SubscriptionDelivery[]][] {
  const days = new Map<string, SubscriptionDelivery[]>();
  for (const d of [...deliveries].sort((a, b) => a.deliveryDate.localeCompare(b.deliveryDate)))
    days.set(d.deliveryDate, [...(days.get(d.deliveryDate) ?? []), d]);
  return [...days.entries()];
}

/** Upcoming subscription deliveries by day: what to make, for whom, and whether it is ordered. */
export function SubscriptionsView() {
  const [days, setDays] = useState(31);
  const { data, loading, error, refetch } = useQuery<CalendarData, { days: number }>(
    SELLER_SUBSCRIPTION_CALENDAR,
    { variables: { days }, fetchPolicy: 'cache-and-network' },
  );

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const store = data?.myStore;
  if (!store)
    return <Empty>꽃집을 먼저 만들어 주세요. 정기배송은 꽃집이 생긴 뒤에 받을 수 있어요.</Empty>;

  const subs = store.flowerSubscriptions;
  const active = subs.filter((s) => s.status === 'ACTIVE' && !s.paused).length;
  const paused = subs.filter((s) => s.status === 'ACTIVE' && s.paused).length;
  const suspended = subs.filter((s) => s.status === 'SUSPENDED').length;
  const groups = byDay(store.subscriptionCalendar);
  const total = store.subscriptionCalendar.reduce((n, d) => n + d.quantity, 0);
  const today = seoulDay();

  return (
    <div className="sub stack">
      <header>
        <h1>정기배송</h1>
        <p className="muted small">
          구독 중 {active.toLocaleString('ko-KR')}명
          {paused > 0 && ` · 쉬는 중 ${paused.toLocaleString('ko-KR')}명`}
          {suspended > 0 && ` · 결제 실패로 멈춤 ${suspended.toLocaleString('ko-KR')}명`}
        </p>
      </header>
      <div className="chips" role="group" aria-label="기간">
        {RANGES.map((r) => (
          <button
            key={r.days}
            type="button"
            className={days === r.days ? 'chip active' : 'chip'}
            aria-pressed={days === r.days}
            onClick={() => setDays(r.days)}
          >
            {r.label}
          </button>
        ))}
      </div>
      {groups.length === 0 ? (
        <Empty>
          <p>이 기간에 예정된 정기배송이 없어요.</p>
          <p className="muted small">
            정기배송 상품은 <Link to="/products">상품</Link>에서 등록할 수 있어요.
          </p>
        </Empty>
      ) : (
        <>
          <p className="sub-summary">
            <strong>{store.subscriptionCalendar.length.toLocaleString('ko-KR')}건</strong> 배송 예정
            · 상품 {total.toLocaleString('ko-KR')}개
          </p>
          <ol className="sub-days">
            {groups.map(([day, list]) => (
              <li key={day} className="sub-day card" data-day={day}>
                <h2 className="sub-date">
                  {formatDay(day)}
                  {day === today && <span className="status-pill good">오늘</span>}
                  <span className="muted small">{list.length}건</span>
                </h2>
                <ul className="sub-list">
                  {list.map((d) => (
                    <li key={`${d.subscriptionId}:${d.cycle}`} className="sub-row">
                      <span className="sub-what">
                        <strong>{d.productName}</strong>
                        <span className="small">
                          {d.quantity.toLocaleString('ko-KR')}개 · {d.recipientName} 님
                        </span>
                      </span>
                      <span className="sub-when small">
                        <span>{windowText(d.deliveryWindow)}</span>
                        {d.ordered ? (
                          <span className="status-pill good">주문 들어옴</span>
                        ) : (
                          <span className="muted">{formatDay(d.billingDate)} 결제 예정</span>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
