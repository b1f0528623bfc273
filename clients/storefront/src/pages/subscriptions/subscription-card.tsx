import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDay, Icon, inKorean, UserErrorNotice } from '@bloom/client-shared';
import { CYCLE_LABEL } from '../../ui/buy-subscription.js';
import { AddressPanel } from './address-panel.js';
import { CardPanel } from './card-panel.js';
import { ConfirmPanel } from './confirm-panel.js';
import { CycleHistory } from './cycle-history.js';
import { DatePanel } from './date-panel.js';
import { PausePanel } from './pause-panel.js';
import { SubscriptionActions } from './subscription-actions.js';
import { useChange } from './subscription-change.hook.js';
import { SubscriptionFacts } from './subscription-facts.js';
import { CANCEL, RESUME, SKIP } from './subscription.operations.js';
import { SubscriptionStateNotice, SubscriptionStatusPill } from './subscription-state.js';
import type { ChangeResult, FlowerSubscription, Panel, PanelProps } from './subscription.types.js';

/** One subscription: where it stands, what comes next, its changes and its cycles so far. */
export function SubscriptionCard({ subscription: s }: { subscription: FlowerSubscription }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const { problem, setProblem, apply } = useChange();
  const [skip, skipping] = useMutation<{ skipNextSubscriptionCycle: ChangeResult }>(SKIP);
  const [resume, resuming] = useMutation<{ resumeSubscription: ChangeResult }>(RESUME);
  const [cancel, canceling] = useMutation<{ cancelSubscription: ChangeResult }>(CANCEL);

  // What every panel is given: a change made closes it and says what changed.
  const panelProps: PanelProps = {
    subscription: s,
    onDone: (message) => {
      setPanel(null);
      setDone(message);
    },
    onClose: () => setPanel(null),
  };
  /** Runs one change of the card's own buttons (skip, resume, cancel). */
  const run = (change: () => Promise<ChangeResult | undefined>, success: string) => {
    setDone(null);
    return apply(change, () => panelProps.onDone(success));
  };
  const open = (next: Panel) => {
    setProblem(null);
    setDone(null);
    setPanel((p) => (p === next ? null : next));
  };

  const image = s.product.images[0]?.url;
  // Deliveries up to the last cycle are charged already: the pause and the date come after.
  const after = s.cycles.at(-1)?.deliveryDate ?? null;

  return (
    <article className="card stack buy-sub" aria-labelledby={`sub-${s.id}`}>
      <div className="buy-sub-head">
        <span className="buy-thumb">
          {image ? <img src={image} alt="" loading="lazy" /> : <Icon name="flower" />}
        </span>
        <div className="buy-line-body">
          <Link id={`sub-${s.id}`} to={`/products/${s.product.id}`} className="buy-line-name">
            {s.productName}
          </Link>
          <span className="muted small">
            {s.store.name} · {CYCLE_LABEL[s.cycle]} · {s.quantity}개
          </span>
          <span>
            <SubscriptionStatusPill subscription={s} />
          </span>
        </div>
      </div>

      <SubscriptionStateNotice subscription={s} />
      {s.status !== 'CANCELED' && <SubscriptionFacts subscription={s} />}

      {done && (
        <p className="notice ok small" role="status">
          {done}
        </p>
      )}
      <UserErrorNotice error={inKorean(problem)} />

      {s.status !== 'CANCELED' && (
        <SubscriptionActions
          subscription={s}
          panel={panel}
          onOpen={open}
          resuming={resuming.loading}
          onResume={() =>
            void run(
              async () => (await resume({ variables: { id: s.id } })).data?.resumeSubscription,
              s.status === 'SUSPENDED'
                ? '다시 시작했어요. 다음 결제일에 같은 카드로 결제해요.'
                : '일시정지를 끝냈어요.',
            )
          }
        />
      )}

      {panel === 'skip' && s.nextDeliveryDate && (
        <ConfirmPanel
          title={`${formatDay(s.nextDeliveryDate)} 배송을 건너뛸까요?`}
          detail="이번 회차는 결제되지 않고, 그다음 배송은 원래 일정대로 와요."
          confirm="건너뛰기"
          busy={skipping.loading}
          onCancel={panelProps.onClose}
          // The cycle shown is the one skipped: a retried or doubled tap skips it once.
          onConfirm={() =>
            void run(
              async () =>
                (await skip({ variables: { id: s.id, cycle: s.nextCycle } })).data
                  ?.skipNextSubscriptionCycle,
              '다음 배송을 건너뛰었어요.',
            )
          }
        />
      )}
      {panel === 'pause' && <PausePanel {...panelProps} after={after} />}
      {panel === 'date' && <DatePanel {...panelProps} after={after} />}
      {panel === 'address' && <AddressPanel {...panelProps} />}
      {panel === 'card' && <CardPanel {...panelProps} />}
      {panel === 'cancel' && (
        <ConfirmPanel
          title="정기구독을 해지할까요?"
          detail="다음 결제부터 멈추고, 이미 결제된 배송은 그대로 도착해요. 해지는 되돌릴 수 없어요."
          confirm="해지하기"
          danger
          busy={canceling.loading}
          onCancel={panelProps.onClose}
          onConfirm={() =>
            void run(
              async () => (await cancel({ variables: { id: s.id } })).data?.cancelSubscription,
              '정기구독을 해지했어요.',
            )
          }
        />
      )}

      {s.cycles.length > 0 && <CycleHistory cycles={s.cycles} />}
    </article>
  );
}
