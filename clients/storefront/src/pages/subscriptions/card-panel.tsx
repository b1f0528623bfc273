import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  CARD_INCOMPLETE,
  CardFields,
  type CardValue,
  cardInput,
  EMPTY_CARD,
} from '../../ui/buy-fields.js';
import { ChangePanel } from './change-panel.js';
import { CHANGE_CARD } from './subscription.operations.js';
import type { ChangeResult, PanelProps } from './subscription.types.js';
import { useChange } from './subscription-change.hook.js';

/** Another card for the next charges; a suspended subscription starts again with it. */
export function CardPanel({ subscription: s, onDone, onClose }: PanelProps) {
  const [card, setCard] = useState<CardValue>(EMPTY_CARD);
  const [change, { loading }] = useMutation<
    { changeSubscriptionCard: ChangeResult },
    { id: string; card: NonNullable<ReturnType<typeof cardInput>> }
  >(CHANGE_CARD);
  const { problem, setProblem, apply } = useChange();
  const suspended = s.status === 'SUSPENDED';
  const submit = () => {
    const input = cardInput(card);
    if (!input) {
      setProblem(CARD_INCOMPLETE);
      return;
    }
    void apply(
      async () =>
        (await change({ variables: { id: s.id, card: input } })).data?.changeSubscriptionCard,
      () =>
        onDone(
          suspended
            ? `카드를 바꾸고 구독을 다시 시작했어요 (**** ${input.number.slice(-4)}).`
            : `결제 카드를 바꿨어요 (**** ${input.number.slice(-4)}).`,
        ),
    );
  };
  return (
    <ChangePanel
      label="카드 변경"
      title="결제 카드 바꾸기"
      detail={
        <>
          카드는 결제대행사에 안전하게 등록되고, 다음 결제부터 이 카드로 결제해요.
          {suspended &&
            ' 정지된 구독은 새 카드로 바로 다시 시작되고, 실패한 배송도 배송일 전이라면 다시 결제해요.'}
        </>
      }
      problem={problem}
      busy={loading}
      busyText="등록 중…"
      submitText={suspended ? '카드 바꾸고 다시 시작' : '카드 바꾸기'}
      onSubmit={submit}
      onClose={onClose}
    >
      <CardFields value={card} onChange={setCard} />
    </ChangePanel>
  );
}
