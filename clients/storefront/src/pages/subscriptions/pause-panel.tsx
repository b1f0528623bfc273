import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { formatDay, seoulDay } from '@bloom/client-shared';
import { addDays, addMonths } from '../../ui/buy-dates.js';
import { ChangePanel } from './change-panel.js';
import { firstFreeDay } from './first-free-day.js';
import { PAUSE } from './subscription.operations.js';
import type { ChangeResult, PanelProps } from './subscription.types.js';
import { useChange } from './subscription-change.hook.js';

/** Pausing deliveries for up to three months. */
export function PausePanel({
  subscription: s,
  after,
  onDone,
  onClose,
}: PanelProps & { after: string | null }) {
  const [today] = useState(() => seoulDay(0));
  // A pause starts today or later, and after the deliveries already charged.
  const { earliest, initial } = firstFreeDay(s, after, today);
  const [from, setFrom] = useState(initial);
  const [until, setUntil] = useState(addDays(from, 14));
  const latest = addMonths(from, 3);
  const [pause, { loading }] = useMutation<
    { pauseSubscription: ChangeResult },
    { id: string; from: string; until: string }
  >(PAUSE);
  const { problem, setProblem, apply } = useChange();
  const submit = () => {
    if (until <= from || until > latest) {
      setProblem({
        code: 'PAUSE_RANGE',
        message: '다시 받을 날은 시작일 다음 날부터 3개월 안에서 골라 주세요.',
      });
      return;
    }
    void apply(
      async () => (await pause({ variables: { id: s.id, from, until } })).data?.pauseSubscription,
      () => onDone(`${formatDay(from)}부터 ${formatDay(until)} 전까지 배송을 쉬어요.`),
    );
  };
  return (
    <ChangePanel
      label="일시정지"
      title="얼마 동안 쉴까요?"
      detail="최대 3개월까지 쉴 수 있고, 쉬는 동안은 결제되지 않아요."
      problem={problem}
      busy={loading}
      submitText="일시정지"
      canSubmit={Boolean(from && until)}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="buy-two">
        <label className="field">
          쉬기 시작하는 날
          <input
            type="date"
            min={earliest}
            value={from}
            onChange={(event) => {
              const next = event.target.value;
              setFrom(next);
              if (until <= next || until > addMonths(next, 3)) setUntil(addDays(next, 14));
            }}
          />
        </label>
        <label className="field">
          다시 받는 날
          <input
            type="date"
            min={addDays(from, 1)}
            max={latest}
            value={until}
            onChange={(event) => setUntil(event.target.value)}
          />
        </label>
      </div>
    </ChangePanel>
  );
}
