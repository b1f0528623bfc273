import { Link } from 'react-router';
import { formatWon, inKorean, type TypedError, UserErrorNotice } from '@bloom/client-shared';
import { isEasyPay, paymentLabel, type PaymentMethod } from './payment-methods.js';

/** Kept in view at the bottom: why the last try failed, and the button that pays the total. */
export function PaymentBar({
  problem,
  sending,
  total,
  method,
  overStock,
}: {
  problem: TypedError | null;
  sending: boolean;
  total: number;
  method: PaymentMethod;
  /** A line asks for more than the store can make: its total is not one to pay. */
  overStock: boolean;
}) {
  return (
    <div className="buy-sticky">
      <UserErrorNotice error={inKorean(problem)} />
      {problem?.code === 'IDEMPOTENCY_KEY_REUSED' && (
        <Link className="button secondary block" to="/orders">
          주문 내역 보기
        </Link>
      )}
      <button type="submit" className="button block" disabled={sending}>
        {sending
          ? '주문하는 중…'
          : overStock
            ? '재고보다 많아요 · 수량을 줄여 주세요'
            : isEasyPay(method)
              ? `${paymentLabel(method)}로 ${formatWon(total)} 결제하기`
              : `${formatWon(total)} 결제하기`}
      </button>
    </div>
  );
}
