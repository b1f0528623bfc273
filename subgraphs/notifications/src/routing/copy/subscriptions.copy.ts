import {
  type PayloadOf,
  formatKoreanDate,
  formatKoreanDateTime,
  withParticle,
} from '@bloom/kernel';
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
import type { NoticeFacts } from '../route.types.js';
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
      return '구독 상품을 지금 팔지 않아서';
    case 'STORE_UNAVAILABLE':
      return '매장이 지금 주문을 받을 수 없어서';
    case 'ORDER_FAILED':
      return p.orderReason ? failureText(p.orderReason) : '매장에서 주문을 처리하지 못해서';
    case 'NOT_PROCESSED_IN_TIME':
      return '배송일 전까지 주문을 처리하지 못해서';
    default:
      return failureText(p.reason);
  }
}

/** Why the platform ended a subscription (subscriptions.subscription.canceled). */
const CANCEL_REASON_TEXT: Record<string, string> = {
  PRODUCT_DELETED: '구독 상품이 더 이상 판매되지 않아서',
  STORE_CLOSED: '매장이 영업을 종료해서',
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
    ? '등록된 카드 결제가 모든 시도에서 거절돼서'
    : `여러 차례 시도했지만 ${failureText(p.reason)}`;

const lastDelivery = (p: Canceled) =>
  p.effectiveAfterCycle > 0
    ? `${p.effectiveAfterCycle}회차 배송까지는 보내 드려요.`
    : '남은 배송은 없어요.';

/** "꽃길 플라워 정기구독" when the store is known. */
const subscriptionOf = (f: NoticeFacts) => (f.storeName ? `${f.storeName} 정기구독` : '정기구독');

/** The seller's reference to one subscription and its delivery. */
const reference = (p: { subscriptionId: string; cycle?: number }) =>
  ` (구독 ${p.subscriptionId}${p.cycle ? `, ${p.cycle}회차` : ''})`;

/** Copy for subscriptions' events, by event, then by who reads it. */
export const SUBSCRIPTIONS_COPY = {
  charged: {
    customer: (p: PayloadOf<typeof subscriptionCharged>, f: NoticeFacts): NoticeCopy => ({
      title: '정기구독 결제 완료',
      body: `${formatKoreanDate(p.deliveryDate)}에 보내 드릴 ${subscriptionOf(f)} 꽃값 ${p.amount.toLocaleString('ko-KR')}원을 결제했어요.`,
    }),
  },
  created: {
    seller: (p: PayloadOf<typeof subscriptionCreated>, f: NoticeFacts): NoticeCopy => ({
      title: '새 정기구독',
      body: `${f.productName ? `${f.productName} ` : ''}정기구독 고객이 생겼어요: ${SUBSCRIPTION_CYCLE[p.cycle] ?? p.cycle} ${p.quantity}개, 첫 배송일 ${formatKoreanDate(p.firstDeliveryDate)}${reference({ subscriptionId: p.subscriptionId })}.`,
    }),
  },
  chargeFailed: {
    /** Only for an attempt with a retry left, at `retryAt`. */
    customer: (
      p: PayloadOf<typeof subscriptionChargeFailed>,
      f: NoticeFacts,
      retryAt: string,
    ): NoticeCopy => {
      const retry = `${formatKoreanDateTime(new Date(retryAt))}에 다시 시도할게요.`;
      return PAYMENT_REASONS.has(p.reason)
        ? {
            title: '정기구독 결제 실패',
            body: `${failureText(p.reason)} 등록된 카드로 ${withParticle(subscriptionOf(f), '을/를')} 결제하지 못했어요. ${retry} 카드 정보를 확인해 주세요.`,
          }
        : {
            title: '정기구독 주문 처리 실패',
            body: `${failureText(p.reason)} 이번 회차 ${subscriptionOf(f)} 주문을 처리하지 못했어요. 결제되지 않았어요. ${retry}`,
          };
    },
  },
  suspended: {
    customer: (p: Suspended, f: NoticeFacts): NoticeCopy => {
      const resume = PAYMENT_REASONS.has(p.reason)
        ? '카드를 변경하면 정기구독을 다시 시작할 수 있어요.'
        : '정기구독을 다시 시작하면 다음 회차부터 보내 드려요.';
      return {
        title: '정기구독이 일시 중지됐어요',
        body: `${suspendedCause(p)} ${withParticle(subscriptionOf(f), '이/가')} 일시 중지됐어요. 이번 회차는 결제되지 않았고 배송되지 않아요. ${resume}`,
      };
    },
    seller: (p: Suspended): NoticeCopy => ({
      title: '정기구독 일시 중지',
      body: `${PAYMENT_REASONS.has(p.reason) ? '고객의 카드 결제가 되지 않아서' : suspendedCause(p)} 정기구독이 ${p.cycle}회차부터 중지됐어요${reference({ subscriptionId: p.subscriptionId })}. 고객이 다시 시작할 때까지 배송은 없어요.`,
    }),
  },
  cycleMissed: {
    customer: (p: PayloadOf<typeof subscriptionCycleMissed>, f: NoticeFacts): NoticeCopy => ({
      title: '이번 정기구독 꽃을 보내 드리지 못해요',
      body: `${missedText(p)} ${formatKoreanDate(p.deliveryDate)} ${subscriptionOf(f)} 배송을 보내 드리지 못해요. 이번 회차는 결제되지 않았고, 정기구독은 다음 회차부터 이어져요.`,
    }),
    seller: (p: PayloadOf<typeof subscriptionCycleMissed>): NoticeCopy => ({
      title: '정기구독 배송 취소',
      body: `${missedText(p)} ${formatKoreanDate(p.deliveryDate)} 정기구독 배송은 진행하지 않아요${reference(p)}.`,
    }),
  },
  skipped: {
    seller: (p: PayloadOf<typeof subscriptionSkipped>): NoticeCopy => ({
      title: '정기구독 배송 건너뛰기',
      body: `고객이 ${formatKoreanDate(p.deliveryDate)} 정기구독 배송을 건너뛰었어요${reference(p)}.`,
    }),
  },
  canceled: {
    customer: (p: Canceled, f: NoticeFacts): NoticeCopy => {
      const why = p.reason ? CANCEL_REASON_TEXT[p.reason] : undefined;
      return {
        title: '정기구독이 해지됐어요',
        body: `${why ?? (p.canceledBy === 'ADMIN' ? '관리자 조치로' : '운영 정책에 따라')} ${withParticle(subscriptionOf(f), '이/가')} 해지됐어요. ${lastDelivery(p)} 이후로는 결제되지 않아요.`,
      };
    },
    seller: (p: Canceled): NoticeCopy => ({
      title: '정기구독 해지',
      body: `정기구독이 해지됐어요 (${CANCELED_BY[p.canceledBy] ?? p.canceledBy}${p.reason ? `: ${CANCEL_REASON_LABEL[p.reason]}` : ''})${reference({ subscriptionId: p.subscriptionId })}. ${lastDelivery(p)}`,
    }),
  },
};
