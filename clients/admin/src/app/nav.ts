import type { IconName } from '@bloom/client-shared';

/** The console's sections, in the order a working day needs them. */
export const NAV: { to: string; label: string; icon: IconName }[] = [
  { to: '/', label: '대시보드', icon: 'chart' },
  { to: '/applications', label: '입점 신청', icon: 'clipboard' },
  { to: '/users', label: '회원', icon: 'user' },
  { to: '/stores', label: '매장', icon: 'store' },
  { to: '/products', label: '상품 관리', icon: 'flower' },
  { to: '/orders', label: '주문', icon: 'box' },
  { to: '/money', label: '정산', icon: 'ticket' },
  { to: '/integrators', label: '연동 API 키', icon: 'repeat' },
  { to: '/health', label: '시스템 상태', icon: 'bell' },
  { to: '/audit', label: '감사 기록', icon: 'layers' },
];
