import type { IconName } from '@bloom/client-shared';

/** The dashboard's sections, in the order a florist's day needs them (side nav and tab bar). */
export const NAV: { to: string; label: string; icon: IconName }[] = [
  { to: '/', label: '오늘 주문', icon: 'clipboard' },
  { to: '/products', label: '상품', icon: 'flower' },
  { to: '/inventory', label: '재고', icon: 'layers' },
  { to: '/coupons', label: '쿠폰', icon: 'ticket' },
  { to: '/questions', label: '문의·리뷰', icon: 'chat' },
  { to: '/subscriptions', label: '정기배송', icon: 'repeat' },
  { to: '/sales', label: '매출', icon: 'chart' },
  { to: '/store', label: '매장 설정', icon: 'store' },
  { to: '/notices', label: '알림', icon: 'bell' },
];
