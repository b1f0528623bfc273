import { type PayloadOf, formatSeoulDateTime } from '@bloom/kernel';
import {
  OrderFailureReason,
  type subscriptionCanceled,
  type subscriptionChargeFailed,
  type subscriptionCharged,
  type subscriptionCreated,
  type subscriptionCycleMissed,
  type subscriptionSkipped,
  type subscriptionSuspended,
} from '@bloom/schema';
import type { NoticeCopy } from './notice-copy.types.js';
import { CANCELED_BY, failureText } from './orders.copy.js';

/** Failure codes that mean the card could not be charged (the rest: the order was not taken). */
const PAYMENT_REASONS = new Set<string>([
  OrderFailureReason.PAYMENT_DECLINED,
  OrderFailureReason.PAYMENT_FAILED,
  'CHARGE_FAILED',
]);

const SUBSCRIPTION_CYCLE: Record<string, string> = {
  WEEKLY: '매주',
  BIWEEKLY: '격주',
  FOUR_WEEKLY: '4주마다',
  MONTHLY: '매월',
};

/** Why a subscription cycle is not delivered (subscriptions.cycle.missed), in words. */
function missedText(p: { reason: string; orderReason?: string }): string {
  switch (p.reason) {
    case 'PRODUCT_UNAVAILABLE':
      return '구독 상품을 판매하지 않는 상태여서';
    case 'STORE_UNAVAILABLE':
      return '매장이 주문을 받을 수 없는 상태여서';
    case 'ORDER_FAILED':
      return p.orderReason ? failureText(p.orderReason) : '매장에서 주문을 처리하지 못해';
    case 'NOT_PROCESSED_IN_TIME':
      return '배송일 전까지 주문을 처리하지 못해';
    default:
      return failureText(p.reason);
  }
}

/** Why the platform ended a subscription (subscriptions.subscription.canceled). */
const CANCEL_REASON_TEXT: Record<string, string> = {
  PRODUCT_DELETED: '구독 상품이 더 이상 판매되지 않아',
  STORE_CLOSED: '매장이 영업을 종료하여',
};

const CANCEL_REASON_LABEL: Record<string, string> = {
  PRODUCT_DELETED: '상품 판매 종료',
  STORE_CLOSED: '매장 영업 종료',
};

type Suspended = PayloadOf<typeof subscriptionSuspended>;
type Canceled = PayloadOf<typeof subscriptionCanceled>;

// Subscriptions suspends on declined payments; any other reason still reads correctly.
const suspendedCause = (p: Suspended) =>
  p.reason === OrderFailureReason.PAYMENT_DECLINED
    ? '등록된 카드 결제가 모든 시도에서 거절되어'
    : `여러 차례 시도했지만 ${failureText(p.reason)}`;

const lastDelivery = (p: Canceled) =>
  p.effectiveAfterCycle > 0
    ? `${p.effectiveAfterCycle}회차 배송까지 진행됩니다.`
    : '남은 배송은 없습니다.';

/** Copy for subscriptions' events, by event, then by who reads it. */
export const SUBSCRIPTIONS_COPY = {
  charged: {
    customer: (p: PayloadOf<typeof subscriptionCharged>): NoticeCopy => ({
      title: '정기구독 결제 완료',
      body: `${p.deliveryDate} 꽃 배송을 위해 ${p.amount.toLocaleString('ko-KR')}원이 결제되었습니다.`,
    }),
  },
  created: {
    seller: (p: PayloadOf<typeof subscriptionCreated>): NoticeCopy => ({
      title: '새 정기구독',
      body: `새 정기구독 고객이 생겼습니다: ${SUBSCRIPTION_CYCLE[p.cycle] ?? p.cycle} ${p.quantity}개, 첫 배송일 ${p.firstDeliveryDate} (구독 ${p.subscriptionId}).`,
    }),
  },
  chargeFailed: {
    /** Only for an attempt with a retry left, at `retryAt`. */
    customer: (p: PayloadOf<typeof subscriptionChargeFailed>, retryAt: string): NoticeCopy => {
      const retry = `${formatSeoulDateTime(new Date(retryAt))}에 다시 시도합니다.`;
      return PAYMENT_REASONS.has(p.reason)
        ? {
            title: '정기구독 결제 실패',
            body: `${failureText(p.reason)} 등록된 카드로 정기구독을 결제하지 못했습니다. ${retry} 카드 정보를 확인해 주세요.`,
          }
        : {
            title: '정기구독 주문 처리 실패',
            body: `${failureText(p.reason)} 이번 회차 정기구독 주문을 처리하지 못했습니다. 결제는 청구되지 않았습니다. ${retry}`,
          };
    },
  },
  suspended: {
    customer: (p: Suspended): NoticeCopy => {
      const resume = PAYMENT_REASONS.has(p.reason)
        ? '카드를 변경하면 정기구독을 다시 시작할 수 있습니다.'
        : '정기구독을 다시 시작하면 다음 회차부터 배송됩니다.';
      return {
        title: '정기구독이 일시 중지되었습니다',
        body: `${suspendedCause(p)} 정기구독이 일시 중지되었습니다. 이번 회차는 결제되지 않았고 배송되지 않습니다. ${resume}`,
      };
    },
    seller: (p: Suspended): NoticeCopy => ({
      title: '정기구독 일시 중지',
      body: `${PAYMENT_REASONS.has(p.reason) ? '고객의 카드 결제가 되지 않아' : suspendedCause(p)} 정기구독(구독 ${p.subscriptionId})이 ${p.cycle}회차부터 중지되었습니다. 고객이 다시 시작할 때까지 배송은 없습니다.`,
    }),
  },
  cycleMissed: {
    customer: (p: PayloadOf<typeof subscriptionCycleMissed>): NoticeCopy => ({
      title: '이번 정기구독 배송을 보내 드리지 못합니다',
      body: `${missedText(p)} ${p.deliveryDate} 정기구독 배송을 보내 드리지 못합니다. 이번 회차 결제는 청구되지 않았으며, 정기구독은 다음 회차부터 이어집니다.`,
    }),
    seller: (p: PayloadOf<typeof subscriptionCycleMissed>): NoticeCopy => ({
      title: '정기구독 배송 취소',
      body: `${missedText(p)} ${p.deliveryDate} 정기구독 배송(구독 ${p.subscriptionId}, ${p.cycle}회차)은 진행되지 않습니다.`,
    }),
  },
  skipped: {
    seller: (p: PayloadOf<typeof subscriptionSkipped>): NoticeCopy => ({
      title: '정기구독 배송 건너뛰기',
      body: `고객이 ${p.deliveryDate} 정기구독 배송(구독 ${p.subscriptionId}, ${p.cycle}회차)을 건너뛰었습니다.`,
    }),
  },
  canceled: {
    customer: (p: Canceled): NoticeCopy => {
      const why = p.reason ? CANCEL_REASON_TEXT[p.reason] : undefined;
      return {
        title: '정기구독이 해지되었습니다',
        body: `${why ?? (p.canceledBy === 'ADMIN' ? '관리자 조치로' : '운영 정책에 따라')} 정기구독이 해지되었습니다. ${lastDelivery(p)} 이후로는 결제되지 않습니다.`,
      };
    },
    seller: (p: Canceled): NoticeCopy => ({
      title: '정기구독 해지',
      body: `정기구독(구독 ${p.subscriptionId})이 해지되었습니다 (${CANCELED_BY[p.canceledBy] ?? p.canceledBy}${p.reason ? `: ${CANCEL_REASON_LABEL[p.reason]}` : ''}). ${lastDelivery(p)}`,
    }),
  },
};
