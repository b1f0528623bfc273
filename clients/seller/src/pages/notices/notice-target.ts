import type { IconName } from '@bloom/client-shared';
import type { Notice } from './notices.operations.js';

/** Where a notice leads in the dashboard, or null when it is news with nothing to open. */
export function noticeTarget(n: Pick<Notice, 'kind' | 'order' | 'product'>): string | null {
  if (n.kind === 'STOCK_LOW') return '/inventory';
  if (n.kind === 'QUESTION_ASKED') return '/questions';
  if (n.kind === 'SUBSCRIPTION_UPDATE') return '/subscriptions';
  if (n.kind === 'SETTLEMENT_READY') return '/sales';
  // Orders are worked on the day board (오늘 주문).
  if (n.order) return '/';
  if (n.product) return `/products?edit=${encodeURIComponent(n.product.id)}`;
  return null;
}

/** What the link says to a screen reader and as a hint under the text. */
export function targetLabel(to: string): string {
  if (to === '/inventory') return '재고 보기';
  if (to === '/questions') return '문의 보기';
  if (to === '/subscriptions') return '정기배송 보기';
  if (to === '/sales') return '매출 보기';
  if (to === '/') return '주문 보기';
  return '상품 보기';
}

export function noticeIcon(kind: string): IconName {
  if (kind === 'STOCK_LOW') return 'layers';
  if (kind.startsWith('SUBSCRIPTION')) return 'repeat';
  if (kind.startsWith('QUESTION')) return 'chat';
  if (kind === 'SETTLEMENT_READY') return 'chart';
  if (kind.startsWith('SELLER')) return 'store';
  if (kind === 'NEW_ORDER' || kind.startsWith('ORDER')) return 'clipboard';
  return 'bell';
}
