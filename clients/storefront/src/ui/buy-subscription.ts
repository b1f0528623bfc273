export type SubscriptionCycle = 'WEEKLY' | 'BIWEEKLY' | 'FOUR_WEEKLY' | 'MONTHLY';

export const CYCLE_LABEL: Record<SubscriptionCycle, string> = {
  WEEKLY: '매주',
  BIWEEKLY: '격주',
  FOUR_WEEKLY: '4주마다',
  MONTHLY: '매월',
};

export type CycleKind = 'DELIVERY' | 'SKIPPED' | 'PAUSED' | 'MISSED' | 'UNAVAILABLE';

export const CYCLE_KIND_LABEL: Record<CycleKind, string> = {
  DELIVERY: '배송',
  SKIPPED: '건너뜀',
  PAUSED: '일시정지',
  MISSED: '미배송',
  UNAVAILABLE: '미배송 (판매 중지)',
};

/** Why charges stopped (FlowerSubscription.suspendedReason). */
export function suspendedText(reason: string | null): string {
  switch (reason) {
    case 'PAYMENT_DECLINED':
      return '카드 결제가 거절되어 정기구독이 멈췄어요.';
    case 'PAYMENT_FAILED':
      return '카드 결제를 완료하지 못해 정기구독이 멈췄어요.';
    default:
      return '결제 문제로 정기구독이 멈췄어요.';
  }
}

/** The charge happens this many days before each delivery (SUBSCRIPTION_CHARGE_LEAD_DAYS). */
export const CHARGE_LEAD_DAYS = 2;
