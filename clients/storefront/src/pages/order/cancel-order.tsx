import { gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  errorText,
  inKorean,
  INVALID_INPUT,
  type TypedError,
  UserErrorNotice,
} from '@bloom/client-shared';
import type { OrderStatus } from '../../ui/buy-order-status.js';

const CANCEL = gql`
  mutation CancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {
      __typename
      ... on Order {
        id
        status
        updatedAt
        cancellation {
          code
          message
        }
      }
      ... on OrderNotFoundError {
        code
        message
      }
      ... on InvalidTransitionError {
        code
        message
      }
      ...InvalidInputFields
    }
  }
  ${INVALID_INPUT}
`;

type CancelResult =
  | { __typename: 'Order'; id: string; status: OrderStatus }
  | ({
      __typename: 'OrderNotFoundError' | 'InvalidTransitionError' | 'InvalidInputError';
    } & TypedError);

const REASONS = ['마음이 바뀌었어요', '날짜·시간을 잘못 골랐어요', '다른 상품으로 다시 주문할게요'];

/** Cancels with a reason chosen or written; the order page refreshes after either answer. */
export function CancelOrder({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(REASONS[0] ?? '');
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [cancel, { loading }] = useMutation<
    { cancelOrder: CancelResult },
    { orderId: string; reason: string }
  >(CANCEL);

  if (!open) {
    return (
      <button type="button" className="button secondary block" onClick={() => setOpen(true)}>
        주문 취소
      </button>
    );
  }
  const submit = async () => {
    setProblem(null);
    try {
      const { data } = await cancel({ variables: { orderId, reason: reason.trim() } });
      const result = data?.cancelOrder;
      if (!result) return;
      if (result.__typename === 'Order') {
        setOpen(false);
        onDone();
      } else {
        setProblem(result);
        onDone();
      }
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `취소하지 못했어요. 다시 시도해 주세요. (${errorText(failure)})`,
      });
    }
  };
  return (
    <section className="card stack" aria-labelledby="od-cancel">
      <h2 id="od-cancel" className="buy-section-title">
        주문을 취소할까요?
      </h2>
      <p className="small muted">결제 금액은 전액 환불되고, 쓴 쿠폰은 돌려드려요.</p>
      <div className="stack" role="radiogroup" aria-label="취소 사유">
        {REASONS.map((r) => (
          <label key={r} className="buy-radio">
            <input
              type="radio"
              name="cancel-reason"
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            {r}
          </label>
        ))}
      </div>
      <label className="field">
        취소 사유
        <input
          name="reason"
          maxLength={300}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <UserErrorNotice error={inKorean(problem)} />
      <div className="buy-actions">
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          그대로 두기
        </button>
        <button
          type="button"
          className="button"
          disabled={loading || !reason.trim()}
          onClick={() => void submit()}
        >
          {loading ? '취소하는 중…' : '취소하고 환불받기'}
        </button>
      </div>
    </section>
  );
}
