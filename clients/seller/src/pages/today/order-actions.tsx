import { useMutation } from '@apollo/client/react';
import { type TypedError, UserErrorNotice, errorText, inKorean } from '@bloom/client-shared';
import { useState } from 'react';
import { cancelable, nextStep } from './today-board.js';
import { ADVANCE, CANCEL } from './today.operations.js';
import type { ActionResult, BoardOrder, OrderStatus } from './today.types.js';

/** The board's own sentences for what these two mutations answer; the rest from the catalogue. */
const MESSAGES: Record<string, string> = {
  INVALID_TRACKING_NUMBER: '운송장 번호는 영문·숫자·하이픈으로 4~40자예요.',
  ORDER_NOT_FOUND: '주문을 찾을 수 없어요. 목록을 새로 불러왔어요.',
  REASON_REQUIRED: '취소 사유를 300자 안으로 적어 주세요.',
};

function sayIt(error: TypedError, transition: string): TypedError | null {
  if (error.code === 'INVALID_TRANSITION') return { ...error, message: transition };
  const own = MESSAGES[error.code];
  return own ? { ...error, message: own } : inKorean(error);
}

const networkProblem = (failure: unknown): TypedError => ({
  code: 'NETWORK',
  message: `연결이 불안정해요. 다시 눌러 주세요. (${errorText(failure)})`,
});

const SELLER_REASONS = [
  '꽃 재고가 부족해요',
  '배송할 수 없는 지역이에요',
  '주문하신 분이 요청했어요',
];

/**
 * One tap moves the order on; shipping asks for a tracking number first (optional: the shop's
 * own driver has none). Cancel asks for a reason. The board refetches after every answer, so a
 * move made on another device shows up too.
 */
export function OrderActions({ order, onChanged }: { order: BoardOrder; onChanged: () => void }) {
  const next = nextStep(order);
  const [mode, setMode] = useState<'idle' | 'ship' | 'cancel'>('idle');
  const [tracking, setTracking] = useState('');
  const [reason, setReason] = useState(SELLER_REASONS[0] ?? '');
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [advance, advancing] = useMutation<
    { advanceOrder: ActionResult },
    { orderId: string; to: OrderStatus; trackingNumber: string | null }
  >(ADVANCE);
  const [cancel, canceling] = useMutation<
    { cancelOrder: ActionResult },
    { orderId: string; reason: string }
  >(CANCEL);
  const busy = advancing.loading || canceling.loading;

  const move = async (to: OrderStatus, trackingNumber: string | null) => {
    setProblem(null);
    try {
      const { data } = await advance({ variables: { orderId: order.id, to, trackingNumber } });
      const result = data?.advanceOrder;
      if (result && result.__typename !== 'Order') {
        setProblem(sayIt(result, '다른 기기에서 이미 바뀐 주문이에요. 목록을 새로 불러왔어요.'));
        if (result.__typename === 'InvalidInputError') return;
      } else setMode('idle');
      onChanged();
    } catch (failure) {
      setProblem(networkProblem(failure));
    }
  };

  const drop = async () => {
    setProblem(null);
    try {
      const { data } = await cancel({ variables: { orderId: order.id, reason: reason.trim() } });
      const result = data?.cancelOrder;
      if (result && result.__typename !== 'Order') {
        setProblem(sayIt(result, '이 주문은 이제 취소할 수 없어요.'));
        if (result.__typename === 'InvalidInputError') return;
      } else setMode('idle');
      onChanged();
    } catch (failure) {
      setProblem(networkProblem(failure));
    }
  };

  if (mode === 'ship') {
    return (
      <form
        className="today-form"
        onSubmit={(event) => {
          event.preventDefault();
          void move('SHIPPING', tracking.trim() || null);
        }}
      >
        <label className="field">
          운송장 번호
          <input
            name="trackingNumber"
            inputMode="text"
            autoComplete="off"
            value={tracking}
            placeholder="직접 배송이면 비워 두세요"
            aria-invalid={problem?.code === 'INVALID_TRACKING_NUMBER' || undefined}
            onChange={(event) => setTracking(event.target.value)}
          />
        </label>
        <UserErrorNotice error={problem} />
        <div className="today-buttons">
          <button type="button" className="button secondary" onClick={() => setMode('idle')}>
            돌아가기
          </button>
          <button type="submit" className="button" disabled={busy}>
            {advancing.loading ? '보내는 중…' : '배송 출발'}
          </button>
        </div>
      </form>
    );
  }

  if (mode === 'cancel') {
    return (
      <form
        className="today-form"
        onSubmit={(event) => {
          event.preventDefault();
          void drop();
        }}
      >
        <p className="small">주문을 취소하면 결제 금액이 전액 환불돼요.</p>
        <div className="today-reasons" role="radiogroup" aria-label="취소 사유">
          {SELLER_REASONS.map((r) => (
            <button
              key={r}
              type="button"
              role="radio"
              aria-checked={reason === r}
              className={`chip${reason === r ? ' active' : ''}`}
              onClick={() => setReason(r)}
            >
              {r}
            </button>
          ))}
        </div>
        <label className="field">
          취소 사유
          <input
            name="reason"
            maxLength={300}
            value={reason}
            aria-invalid={problem?.field === 'reason' || undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <UserErrorNotice error={problem} />
        <div className="today-buttons">
          <button type="button" className="button secondary" onClick={() => setMode('idle')}>
            그대로 두기
          </button>
          <button type="submit" className="button danger" disabled={busy || !reason.trim()}>
            {canceling.loading ? '취소하는 중…' : '취소하고 환불'}
          </button>
        </div>
      </form>
    );
  }

  if (!next && !cancelable(order)) return null;
  return (
    <div className="today-actions">
      <UserErrorNotice error={problem} />
      <div className="today-buttons">
        {cancelable(order) && (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => {
              setProblem(null);
              setMode('cancel');
            }}
          >
            취소
          </button>
        )}
        {next && (
          <button
            type="button"
            className="button today-next"
            disabled={busy}
            onClick={() => {
              if (next.to === 'SHIPPING') {
                setProblem(null);
                setMode('ship');
              } else void move(next.to, null);
            }}
          >
            {advancing.loading ? '바꾸는 중…' : next.label}
          </button>
        )}
      </div>
    </div>
  );
}
