import { suspendedText } from '../../ui/buy-subscription.js';
import type { FlowerSubscription } from './subscription.types.js';

/** Where the subscription stands: running, paused, stopped by a failed charge, or canceled. */
export function SubscriptionStatusPill({ subscription: s }: { subscription: FlowerSubscription }) {
  if (s.status === 'CANCELED') return <span className="status-pill bad">해지됨</span>;
  if (s.status === 'SUSPENDED') return <span className="status-pill bad">결제 실패로 정지</span>;
  if (s.paused) return <span className="status-pill">일시정지 중</span>;
  return <span className="status-pill good">구독 중</span>;
}

/** What a stopped subscription means for the shopper: why, and how it starts again. */
export function SubscriptionStateNotice({ subscription: s }: { subscription: FlowerSubscription }) {
  if (s.status === 'SUSPENDED') {
    return (
      <div className="notice error" role="alert">
        <p>{suspendedText(s.suspendedReason)}</p>
        <p className="small">
          카드를 바꾸면 바로 다시 시작되고, 결제에 실패한 배송도 배송일 전이라면 다시 결제해요.
        </p>
      </div>
    );
  }
  if (s.status === 'CANCELED') {
    return (
      <p className="notice small">
        해지된 구독이에요.
        {s.endsAfterCycle ? ` 이미 결제된 ${s.endsAfterCycle}회차 배송까지는 그대로 도착해요.` : ''}
      </p>
    );
  }
  return null;
}
