import { useParams } from 'react-router';
import { OrderDetail } from './today/order-detail.js';

/** One order, from a link (a notice, a bookmark): the store's own, or the refused page. */
export function Page() {
  const { orderId = '' } = useParams();
  return <OrderDetail key={orderId} orderId={orderId} />;
}
