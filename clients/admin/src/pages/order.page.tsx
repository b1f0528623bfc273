import { useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  formatDay,
  formatInstant,
  formatPhone,
  formatWon,
  PAYMENT_METHOD_LABEL,
  problemText,
} from '@bloom/client-shared';
import { Link, useParams } from 'react-router';
import {
  ACTOR_LABEL,
  CHANNEL_LABEL,
  ORDER_STATUS_LABEL,
  PAYMENT_KIND_LABEL,
  PAYMENT_STATUS_LABEL,
  ROLE_LABEL,
  SAGA_STEP_LABEL,
  STEP_STATUS_LABEL,
  labelOf,
  tone,
} from '../ui/labels.js';
import { ORDER_STORY, type OrderStoryData } from './orders/orders.operations.js';

type Story = NonNullable<OrderStoryData['orderStory']>;

interface Moment {
  key: string;
  at: string;
  kind: string;
  title: string;
  detail?: string;
  bad?: boolean;
}

/** Seconds matter here: a saga runs its steps within one minute. */
const clock = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const at = (iso: string) => clock.format(new Date(iso));

/**
 * The order's steps, state changes, payments and notices on one time line, oldest first:
 * what staff read top to bottom. The raw events are apart, for when that is not enough.
 */
function timeline(story: Story, notices: OrderStoryData['orderNotices']): Moment[] {
  const moments: Moment[] = [
    ...story.steps.map((s) => ({
      key: `step-${s.step}`,
      at: s.startedAt,
      kind: '처리 단계',
      title: `${labelOf(SAGA_STEP_LABEL, s.step)} · ${labelOf(STEP_STATUS_LABEL, s.status)}`,
      detail: [
        s.attempts > 1 ? `${s.attempts}번 시도` : '',
        s.finishedAt ? `끝남 ${at(s.finishedAt)}` : '',
        s.error ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
      bad: s.status === 'FAILED',
    })),
    ...story.transitions.map((t, i) => ({
      key: `transition-${i}`,
      at: t.at,
      kind: '상태 변경',
      title: `${labelOf(ORDER_STATUS_LABEL, t.from)} → ${labelOf(ORDER_STATUS_LABEL, t.to)}`,
      detail: [labelOf(ACTOR_LABEL, t.actorKind), t.reason ?? ''].filter(Boolean).join(' · '),
      bad: t.to === 'FAILED' || t.to === 'CANCELED',
    })),
    ...story.payments.map((p) => ({
      key: `payment-${p.id}`,
      at: p.at,
      kind: labelOf(PAYMENT_KIND_LABEL, p.kind),
      title: `${formatWon(p.amount)} · ${labelOf(PAYMENT_STATUS_LABEL, p.status)}`,
      detail: [p.reference ? `거래번호 ${p.reference}` : '', p.failureReason ?? '']
        .filter(Boolean)
        .join(' · '),
      bad: ['DECLINED', 'FAILED'].includes(p.status),
    })),
    ...notices.map((n) => ({
      key: `notice-${n.id}`,
      at: n.sentAt,
      kind: '알림',
      title: n.title,
      detail: `${labelOf(ROLE_LABEL, n.recipientRole)}에게 ${n.channels.map((c) => labelOf(CHANNEL_LABEL, c)).join(', ')}${n.read ? ' · 읽음' : ''}`,
    })),
  ];
  return moments.sort((a, b) => a.at.localeCompare(b.at));
}

export function Page() {
  const { id = '' } = useParams();
  const query = useQuery<OrderStoryData>(ORDER_STORY, {
    variables: { orderId: id },
    fetchPolicy: 'cache-and-network',
  });
  if (query.error && !query.data) {
    return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  }
  if (!query.data) return <Loading />;
  const story = query.data.orderStory;
  if (!story) {
    return (
      <div className="empty">
        <p>주문을 찾을 수 없어요.</p>
        <Link className="button" to="/orders">
          주문 목록으로
        </Link>
      </div>
    );
  }
  const { order } = story;
  const problem = order.failure ?? order.cancellation;
  const moments = timeline(story, query.data.orderNotices);

  return (
    <section className="admin-section">
      <Link to="/orders" className="admin-back">
        ← 주문 목록
      </Link>
      <header className="admin-head">
        <div>
          <h1>주문 {order.number}</h1>
          <span className={`status-pill ${tone(order.status)}`}>
            {labelOf(ORDER_STATUS_LABEL, order.status)}
          </span>
          {problem && <p className="text-bad small">{problemText(problem)}</p>}
        </div>
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          새로 불러오기
        </button>
      </header>
      <div className="admin-grid">
        <section className="card" aria-labelledby="order-facts">
          <h2 id="order-facts">주문 내용</h2>
          <dl className="admin-facts">
            <dt>매장</dt>
            <dd>
              <Link to={`/stores/${order.store.id}`}>{order.store.name}</Link>
            </dd>
            <dt>주문 시각</dt>
            <dd>{formatInstant(order.placedAt)}</dd>
            {order.lines.map((line) => (
              <div key={line.id} className="admin-facts-row">
                <dt>{line.productName}</dt>
                <dd>
                  {formatWon(line.unitPrice)} × {line.quantity} = {formatWon(line.amount)}
                </dd>
              </div>
            ))}
            <dt>할인</dt>
            <dd>{order.discount > 0 ? `−${formatWon(order.discount)}` : '없음'}</dd>
            <dt>배송비</dt>
            <dd>{formatWon(order.deliveryFee)}</dd>
            <dt>결제 금액</dt>
            <dd>
              <strong>{formatWon(order.total)}</strong>
            </dd>
            <dt>결제 수단</dt>
            <dd>{PAYMENT_METHOD_LABEL[order.paymentMethod]}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="order-receive">
          <h2 id="order-receive">{order.fulfilment === 'PICKUP' ? '픽업' : '배송'}</h2>
          <dl className="admin-facts">
            {order.delivery && (
              <>
                <dt>받는 분</dt>
                <dd>
                  {order.delivery.recipientName} · {formatPhone(order.delivery.phone)}
                </dd>
                {(order.delivery.senderName || order.delivery.anonymous) && (
                  <>
                    <dt>보내는 분</dt>
                    <dd>
                      {order.delivery.senderName ?? '주문자'}
                      {order.delivery.senderPhone &&
                        ` · ${formatPhone(order.delivery.senderPhone)}`}
                      {order.delivery.anonymous && ' (익명 배송)'}
                    </dd>
                  </>
                )}
                <dt>주소</dt>
                <dd>
                  {order.delivery.street} {order.delivery.detail}
                </dd>
                <dt>배송일</dt>
                <dd>
                  {formatDay(order.delivery.deliveryDate)} {order.delivery.window}
                </dd>
              </>
            )}
            {order.pickupAt && (
              <>
                <dt>픽업 시각</dt>
                <dd>{formatInstant(order.pickupAt)}</dd>
              </>
            )}
            {order.trackingNumber && (
              <>
                <dt>송장번호</dt>
                <dd className="mono">{order.trackingNumber}</dd>
              </>
            )}
            {order.completedAt && (
              <>
                <dt>완료</dt>
                <dd>{formatInstant(order.completedAt)}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
      <section className="card" aria-labelledby="order-payments">
        <h2 id="order-payments">결제와 환불</h2>
        {story.payments.length === 0 ? (
          <Empty>결제 기록이 없어요.</Empty>
        ) : (
          <table className="admin-table compact">
            <thead>
              <tr>
                <th scope="col">구분</th>
                <th scope="col">금액</th>
                <th scope="col">결과</th>
                <th scope="col">시각</th>
                <th scope="col">거래번호</th>
              </tr>
            </thead>
            <tbody>
              {story.payments.map((p) => (
                <tr key={p.id}>
                  <td>{labelOf(PAYMENT_KIND_LABEL, p.kind)}</td>
                  <td>{formatWon(p.amount)}</td>
                  <td>
                    {labelOf(PAYMENT_STATUS_LABEL, p.status)}
                    {p.failureReason ? ` · ${p.failureReason}` : ''}
                  </td>
                  <td>{formatInstant(p.at)}</td>
                  <td className="mono">{p.reference ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="order-story">
        <h2 id="order-story">주문 이력</h2>
        <ol className="admin-timeline">
          {moments.map((m) => (
            <li key={m.key} className={m.bad ? 'bad' : undefined}>
              <time dateTime={m.at}>{at(m.at)}</time>
              <span className="admin-timeline-kind">{m.kind}</span>
              <span className="stack-tight">
                <strong>{m.title}</strong>
                {m.detail && <span className="muted small">{m.detail}</span>}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <details className="card admin-events">
        <summary>시스템 이벤트 {story.events.length}건 (개발팀 문의용)</summary>
        <table className="admin-table compact">
          <thead>
            <tr>
              <th scope="col">시각</th>
              <th scope="col">이벤트</th>
              <th scope="col">서비스</th>
            </tr>
          </thead>
          <tbody>
            {story.events.map((e) => (
              <tr key={e.id}>
                <td>{at(e.at)}</td>
                <td className="mono">{e.type}</td>
                <td>{e.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
