import { Link } from 'react-router';
import { formatWon, inKorean, type TypedError, UserErrorNotice } from '@bloom/client-shared';

/** Kept in view at the bottom: why the last try failed, and the button that pays the total. */
export function PaymentBar({
  problem,
  sending,
  total,
}: {
  problem: TypedError | null;
  sending: boolean;
  total: number;
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
        {sending ? '주문하는 중…' : `${formatWon(total)} 결제하기`}
      </button>
    </div>
  );
}
