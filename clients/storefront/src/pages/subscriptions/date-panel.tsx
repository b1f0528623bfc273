import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { formatDay, seoulDay } from '@bloom/client-shared';
import { addDays } from '../../ui/buy-dates.js';
import { CYCLE_LABEL } from '../../ui/buy-subscription.js';
import { ChangePanel } from './change-panel.js';
import { firstFreeDay } from './first-free-day.js';
import { CHANGE_DATE } from './subscription.operations.js';
import type { ChangeResult, PanelProps } from './subscription.types.js';
import { useChange } from './subscription-change.hook.js';

/** Moving the next delivery, and the ones after it, to another day. */
export function DatePanel({
  subscription: s,
  after,
  onDone,
  onClose,
}: PanelProps & { after: string | null }) {
  const [today] = useState(() => seoulDay(0));
  // A delivery is charged `leadDays` before it: the new date leaves time for that.
  const { earliest, initial } = firstFreeDay(s, after, addDays(today, s.leadDays));
  const [date, setDate] = useState(initial);
  const [change, { loading }] = useMutation<
    { changeSubscriptionDate: ChangeResult },
    { id: string; date: string }
  >(CHANGE_DATE);
  const { problem, apply } = useChange();
  return (
    <ChangePanel
      label="배송일 변경"
      title="다음 배송을 언제 받을까요?"
      detail={`고른 날부터 ${CYCLE_LABEL[s.cycle]} 같은 요일(날짜)에 배송돼요. 결제는 배송 ${s.leadDays}일 전에 해요.`}
      problem={problem}
      busy={loading}
      submitText="변경하기"
      canSubmit={Boolean(date)}
      onSubmit={() =>
        void apply(
          async () =>
            (await change({ variables: { id: s.id, date } })).data?.changeSubscriptionDate,
          () => onDone(`다음 배송을 ${formatDay(date)}로 옮겼어요.`),
        )
      }
      onClose={onClose}
    >
      <label className="field">
        다음 배송일
        <input
          type="date"
          min={earliest}
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
    </ChangePanel>
  );
}
