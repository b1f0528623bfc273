import { Link } from 'react-router';
import { problemText } from '@bloom/client-shared';
import { ORDER_STATUS_LABEL, ORDER_STEPS } from '../../ui/buy-order-status.js';
import type { OrderDetail } from './order.types.js';

/** Where the order is on its way, or why it stopped. */
export function Progress({ order }: { order: OrderDetail }) {
  if (order.status === 'FAILED') {
    return (
      <div className="notice error" role="alert">
        <strong>주문을 완료하지 못했어요.</strong>
        {order.failure && <p>{problemText(order.failure)}</p>}
        {/* Payment is the saga's last step: only an unanswered payment may have been taken. */}
        <p className="small">
          {order.failure?.code === 'PAYMENT_TIMEOUT'
            ? '결제가 승인됐다면 결제하신 금액은 자동으로 환불돼요.'
            : '결제되지 않았어요.'}
        </p>
        {order.lines[0] && (
          <Link className="button secondary block" to={`/products/${order.lines[0].product.id}`}>
            상품 다시 보기
          </Link>
        )}
      </div>
    );
  }
  if (order.status === 'CANCELED') {
    return (
      <div className="notice error" role="status">
        <strong>취소된 주문이에요.</strong>
        {order.cancellation && (
          <p>
            {problemText(order.cancellation)}
            {order.cancellation.message && order.cancellation.code.startsWith('CANCELED_BY')
              ? ` (사유: ${order.cancellation.message})`
              : ''}
          </p>
        )}
        <p className="small">
          결제 금액은 전액 환불돼요.
          {order.discount > 0 && ' 사용한 쿠폰은 다시 쓸 수 있어요.'}
        </p>
      </div>
    );
  }
  const steps = ORDER_STEPS[order.fulfilment];
  const at = steps.indexOf(order.status);
  return (
    <ol className="buy-progress" aria-label="주문 진행 상황">
      {steps.map((step, index) => (
        <li
          key={step}
          className={index < at ? 'done' : index === at ? 'current' : ''}
          aria-current={index === at ? 'step' : undefined}
        >
          <span className="buy-progress-dot" aria-hidden />
          <span className="small">{ORDER_STATUS_LABEL[step]}</span>
        </li>
      ))}
    </ol>
  );
}
