import { gql } from '@apollo/client';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import {
  Empty,
  ErrorNotice,
  formatDay,
  formatFee,
  formatInstant,
  formatWon,
  Icon,
  Loading,
  SignInRequired,
  useSession,
} from '@bloom/client-shared';
import { windowText } from '../ui/buy-dates.js';
import { CANCELABLE, FULFILMENT_LABEL, OrderStatusPill } from '../ui/buy-order-status.js';
import { OrderCards } from './card/order-cards.js';
import { CancelOrder } from './order/cancel-order.js';
import { Progress } from './order/order-progress.js';
import { paymentLabel } from './checkout/payment-methods.js';
import { OrderReviews } from './review/order-reviews.js';
import type { OrderDetail } from './order/order.types.js';

const ORDER = gql`
  query OrderDetail($id: ID!) {
    order(id: $id) {
      id
      number
      fulfilment
      status
      subtotal
      discount
      deliveryFee
      total
      paymentMethod
      paymentApprovalUrl
      placedAt
      confirmedAt
      completedAt
      updatedAt
      trackingNumber
      pickupAt
      delivery {
        recipientName
        phone
        zipCode
        street
        detail
        deliveryDate
        window
        note
        senderName
        senderPhone
        anonymous
      }
      failure {
        code
        message
      }
      cancellation {
        code
        message
      }
      store {
        id
        name
        phone
        address {
          street
          detail
        }
      }
      lines {
        id
        productName
        unitPrice
        quantity
        amount
        product {
          id
          images {
            url
          }
        }
      }
    }
  }
`;

/*
 * Only the change itself: the order is read again through ORDER, which keeps one source of
 * truth for what the page shows.
 */
const ORDER_LIVE = gql`
  subscription OrderLive($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) {
      id
      status
      reason
      changedAt
    }
  }
`;

/** While the saga decides, a poll backs up the live feed in case the change came first. */
const PENDING_POLL_MS = 5000;

export function Page() {
  const session = useSession();
  const { id = '' } = useParams();
  if (!session) return <SignInRequired what="주문" />;
  return <Order key={id} id={id} />;
}

function Order({ id }: { id: string }) {
  const location = useLocation();
  const placed = (location.state as { placed?: string[] } | null)?.placed ?? [];
  const { data, loading, error, refetch } = useQuery<{ order: OrderDetail | null }, { id: string }>(
    ORDER,
    { variables: { id }, fetchPolicy: 'cache-and-network' },
  );
  const status = data?.order?.status;
  const finished =
    status === 'DELIVERED' ||
    status === 'PICKED_UP' ||
    status === 'CANCELED' ||
    status === 'FAILED';
  useQuery<{ order: OrderDetail | null }, { id: string }>(ORDER, {
    variables: { id },
    fetchPolicy: 'network-only',
    pollInterval: PENDING_POLL_MS,
    skip: status !== 'PENDING',
  });
  const live = useSubscription<{ orderStatusChanged: { id: string; status: string } }>(ORDER_LIVE, {
    variables: { orderId: id },
    skip: !data?.order || finished,
    onData: () => void refetch(),
  });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const order = data?.order;
  if (!order) {
    return (
      <Empty>
        <p>주문을 찾을 수 없어요.</p>
        <Link className="button" to="/orders">
          주문 내역
        </Link>
      </Empty>
    );
  }

  return (
    <div className="buy-page stack">
      {placed.length > 0 && order.status !== 'FAILED' && (
        <div className="notice ok" role="status">
          <strong>주문이 접수됐어요.</strong>
          {placed.length > 1 && (
            <p className="small">
              꽃집별로 {placed.length}건의 주문이 만들어졌어요:{' '}
              {placed.map((other, i) => (
                <span key={other}>
                  {i > 0 && ', '}
                  {other === order.id ? (
                    `${i + 1}번(지금 보는 주문)`
                  ) : (
                    <Link to={`/orders/${other}`}>{i + 1}번</Link>
                  )}
                </span>
              ))}
            </p>
          )}
        </div>
      )}
      <div className="row">
        <h1>주문 상세</h1>
        <OrderStatusPill status={order.status} />
      </div>
      <p className="muted small buy-meta">
        주문번호 {order.number} · {formatInstant(order.placedAt)} ·{' '}
        {FULFILMENT_LABEL[order.fulfilment]}
      </p>

      <Progress order={order} />
      {order.status === 'PENDING' && order.paymentApprovalUrl && (
        <div className="notice" role="status">
          <strong>{paymentLabel(order.paymentMethod)} 승인을 기다리고 있어요.</strong>
          <p className="small">승인하기 전에는 결제되지 않아요.</p>
          <a className="button block" href={order.paymentApprovalUrl}>
            {paymentLabel(order.paymentMethod)}로 결제 이어 가기
          </a>
        </div>
      )}
      {!finished && !live.error && (
        <p className="buy-live small" aria-live="polite">
          <span aria-hidden className="buy-live-dot" /> 진행 상황이 바뀌면 바로 보여 드려요
        </p>
      )}

      <section className="card" aria-labelledby="od-items">
        <h2 id="od-items" className="buy-section-title">
          <Link to={`/stores/${order.store.id}`}>{order.store.name}</Link>
        </h2>
        <ul className="buy-lines compact">
          {order.lines.map((line) => (
            <li key={line.id} className="buy-line">
              <span className="buy-thumb small">
                {line.product.images[0] ? (
                  <img src={line.product.images[0].url} alt="" loading="lazy" />
                ) : (
                  <Icon name="flower" />
                )}
              </span>
              <div className="buy-line-body">
                <Link to={`/products/${line.product.id}`} className="buy-line-name">
                  {line.productName}
                </Link>
                <span className="muted small">
                  {formatWon(line.unitPrice)} × {line.quantity}
                </span>
              </div>
              <strong>{formatWon(line.amount)}</strong>
            </li>
          ))}
        </ul>
        <dl className="buy-amounts">
          <dt>상품 금액</dt>
          <dd>{formatWon(order.subtotal)}</dd>
          {order.discount > 0 && (
            <>
              <dt>쿠폰 할인</dt>
              <dd className="buy-discount">−{formatWon(order.discount)}</dd>
            </>
          )}
          {order.fulfilment === 'DELIVERY' && (
            <>
              <dt>배송비</dt>
              <dd>{formatFee(order.deliveryFee)}</dd>
            </>
          )}
          <dt>결제 수단</dt>
          <dd>{paymentLabel(order.paymentMethod)}</dd>
          <dt className="buy-amounts-total">결제 금액</dt>
          <dd className="buy-amounts-total">{formatWon(order.total)}</dd>
        </dl>
      </section>

      <OrderCards orderId={order.id} status={order.status} lines={order.lines} />
      <OrderReviews orderId={order.id} status={order.status} lines={order.lines} />

      <section className="card stack" aria-labelledby="od-how">
        <h2 id="od-how" className="buy-section-title">
          {order.fulfilment === 'DELIVERY' ? '배송 정보' : '픽업 정보'}
        </h2>
        {order.delivery && (
          <dl className="buy-facts">
            <dt>받는 분</dt>
            <dd>
              {order.delivery.recipientName} · {order.delivery.phone}
            </dd>
            {(order.delivery.senderName || order.delivery.anonymous) && (
              <>
                <dt>보내는 분</dt>
                <dd>
                  {order.delivery.senderName}
                  {order.delivery.senderPhone && ` · ${order.delivery.senderPhone}`}
                  {order.delivery.anonymous && <span className="muted"> (익명으로 보내요)</span>}
                </dd>
              </>
            )}
            <dt>주소</dt>
            <dd>
              ({order.delivery.zipCode}) {order.delivery.street} {order.delivery.detail}
            </dd>
            <dt>도착</dt>
            <dd>
              {formatDay(order.delivery.deliveryDate)} {windowText(order.delivery.window)}
            </dd>
            {order.delivery.note && (
              <>
                <dt>요청사항</dt>
                <dd>{order.delivery.note}</dd>
              </>
            )}
            {order.trackingNumber && (
              <>
                <dt>송장번호</dt>
                <dd>{order.trackingNumber}</dd>
              </>
            )}
          </dl>
        )}
        {order.fulfilment === 'PICKUP' && (
          <dl className="buy-facts">
            <dt>픽업 시간</dt>
            <dd>{order.pickupAt ? formatInstant(order.pickupAt) : '—'}</dd>
            <dt>매장</dt>
            <dd>
              {order.store.name} · {order.store.address.street} {order.store.address.detail}
            </dd>
          </dl>
        )}
        {order.store.phone && (
          <a className="button secondary block" href={`tel:${order.store.phone}`}>
            꽃집에 전화하기 ({order.store.phone})
          </a>
        )}
      </section>

      {CANCELABLE.has(order.status) ? (
        <CancelOrder orderId={order.id} onDone={() => void refetch()} />
      ) : order.status === 'PENDING' ? (
        <p className="muted small center">결제 확인이 끝나면 주문을 취소할 수 있어요.</p>
      ) : null}
    </div>
  );
}
