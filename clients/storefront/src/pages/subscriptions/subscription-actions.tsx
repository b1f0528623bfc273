import type { ReactNode } from 'react';
import type { FlowerSubscription, Panel } from './subscription.types.js';

/** The changes a subscription offers as it stands; each opens its panel, resume acts at once. */
export function SubscriptionActions({
  subscription: s,
  panel,
  onOpen,
  resuming,
  onResume,
}: {
  subscription: FlowerSubscription;
  panel: Panel;
  onOpen: (panel: Panel) => void;
  resuming: boolean;
  onResume: () => void;
}) {
  const active = s.status === 'ACTIVE';
  return (
    <div className="buy-sub-actions" role="group" aria-label="구독 관리">
      {active && s.nextDeliveryDate && (
        <ActionButton current={panel} panel="skip" onOpen={onOpen}>
          다음 배송 건너뛰기
        </ActionButton>
      )}
      {(s.pause || s.status === 'SUSPENDED') && (
        <button type="button" className="button secondary" disabled={resuming} onClick={onResume}>
          {s.status === 'SUSPENDED' ? '같은 카드로 다시 시작' : '일시정지 해제'}
        </button>
      )}
      {active && !s.pause && (
        <ActionButton current={panel} panel="pause" onOpen={onOpen}>
          일시정지
        </ActionButton>
      )}
      {active && (
        <ActionButton current={panel} panel="date" onOpen={onOpen}>
          배송일 변경
        </ActionButton>
      )}
      <ActionButton current={panel} panel="address" onOpen={onOpen}>
        배송지·시간 변경
      </ActionButton>
      <ActionButton current={panel} panel="card" onOpen={onOpen}>
        카드 변경
      </ActionButton>
      {/* Out of the way: the one change that cannot be undone. */}
      <button
        type="button"
        className="buy-link"
        aria-expanded={panel === 'cancel'}
        onClick={() => onOpen('cancel')}
      >
        구독 해지
      </button>
    </div>
  );
}

function ActionButton({
  current,
  panel,
  onOpen,
  children,
}: {
  current: Panel;
  panel: Exclude<Panel, null>;
  onOpen: (panel: Panel) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`button secondary${current === panel ? ' buy-open' : ''}`}
      aria-expanded={current === panel}
      onClick={() => onOpen(panel)}
    >
      {children}
    </button>
  );
}
