import { gql } from '@apollo/client';
import { Link } from 'react-router';
import { formatDay, formatInstant, formatWon, Icon } from '@bloom/client-shared';
import { windowText } from './buy-dates.js';
import { FULFILMENT_LABEL, type OrderStatus, OrderStatusPill } from './buy-order-status.js';

/** The fields an order's row in a list shows. */
export const ORDER_CARD = gql`
  fragment OrderCard on Order {
    id
    number
    fulfilment
    status
    total
    placedAt
    pickupAt
    delivery {
      deliveryDate
      window
    }
    store {
      id
      name
    }
    lines {
      id
      productName
      quantity
      product {
        id
        images {
          url
        }
      }
    }
  }
`;

export interface OrderCardData {
  id: string;
  number: string;
  fulfilment: 'DELIVERY' | 'PICKUP';
  status: OrderStatus;
  total: number;
  placedAt: string;
  pickupAt: string | null;
  delivery: { deliveryDate: string; window: string } | null;
  store: { id: string; name: string };
  lines: {
    id: string;
    productName: string;
    quantity: number;
    product: { id: string; images: { url: string }[] };
  }[];
}

/** Subscription cycle orders are numbered `S…` (orders' cycle consumer). */
const isSubscriptionOrder = (order: { number: string }) => order.number.startsWith('S');

export function OrderCard({ order }: { order: OrderCardData }) {
  const [first, ...rest] = order.lines;
  const image = first?.product.images[0]?.url;
  return (
    <Link to={`/orders/${order.id}`} className="card buy-order-card">
      <div className="row">
        <span className="muted small">
          {formatInstant(order.placedAt)} · {FULFILMENT_LABEL[order.fulfilment]}
          {isSubscriptionOrder(order) && ' · 정기구독'}
        </span>
        <OrderStatusPill status={order.status} />
      </div>
      <div className="buy-order-card-body">
        <span className="buy-thumb small">
          {image ? <img src={image} alt="" loading="lazy" /> : <Icon name="flower" />}
        </span>
        <div className="buy-line-body">
          <strong className="buy-line-name">
            {first?.productName ?? '주문'}
            {rest.length > 0 && ` 외 ${rest.length}건`}
          </strong>
          <span className="muted small">{order.store.name}</span>
          <span className="small">
            {order.fulfilment === 'PICKUP' && order.pickupAt
              ? `픽업 ${formatInstant(order.pickupAt)}`
              : order.delivery
                ? `${formatDay(order.delivery.deliveryDate)} ${windowText(order.delivery.window)} 도착`
                : null}
          </span>
        </div>
        <strong>{formatWon(order.total)}</strong>
      </div>
    </Link>
  );
}
