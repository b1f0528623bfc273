/** Korean words for the API's enums, as staff read them in tables and filters. */
export const ROLE_LABEL: Record<string, string> = {
  CUSTOMER: '고객',
  SELLER: '판매자',
  ADMIN: '운영자',
};

export const USER_STATUS_LABEL: Record<string, string> = {
  ACTIVE: '정상',
  SUSPENDED: '정지',
  DELETED: '탈퇴',
};

export const SELLER_STATUS_LABEL: Record<string, string> = {
  PENDING: '심사 대기',
  APPROVED: '승인',
  REJECTED: '반려',
};

export const STORE_STATUS_LABEL: Record<string, string> = {
  OPEN: '영업 중',
  SUSPENDED: '정지',
  CLOSED: '닫음',
};

export const SALE_STATUS_LABEL: Record<string, string> = {
  ON_SALE: '판매 중',
  SOLD_OUT: '품절',
  DISCONTINUED: '판매 중지',
  DELETED: '삭제됨',
};

export const CATEGORY_LABEL: Record<string, string> = {
  BOUQUET: '꽃다발',
  BASKET: '꽃바구니',
  BOX: '플라워박스',
  WREATH: '화환',
};

export const ORDER_STATUS_LABEL: Record<string, string> = {
  PENDING: '결제 확인 중',
  CONFIRMED: '주문 확정',
  PREPARING: '준비 중',
  SHIPPING: '배송 중',
  DELIVERED: '배송 완료',
  READY: '픽업 준비 완료',
  PICKED_UP: '픽업 완료',
  CANCELED: '취소',
  FAILED: '실패',
};

/** A label, or the raw value for one added to the API later. */
export const labelOf = (labels: Record<string, string>, value: string): string =>
  labels[value] ?? value;

/** The pill colour of a status: good (green), bad (red) or neutral. */
export const tone = (status: string): string =>
  ['ACTIVE', 'APPROVED', 'OPEN', 'ON_SALE', 'DELIVERED', 'PICKED_UP'].includes(status)
    ? 'good'
    : ['SUSPENDED', 'REJECTED', 'CLOSED', 'DELETED', 'DISCONTINUED', 'CANCELED', 'FAILED'].includes(
          status,
        )
      ? 'bad'
      : '';

export const SAGA_STEP_LABEL: Record<string, string> = {
  RESERVED: '꽃 재고 예약',
  COUPON_REDEEMED: '쿠폰 사용',
  PAYMENT_STARTED: '결제 시작',
  PAYMENT_READY: '결제 준비',
  CAPTURED: '결제 완료',
  CAPTURE_UNKNOWN: '결제 결과 확인 중',
  PAYMENT_RELEASED: '결제 취소',
};

export const STEP_STATUS_LABEL: Record<string, string> = {
  DONE: '완료',
  WAITING: '기다리는 중',
  FAILED: '실패',
  UNKNOWN: '알 수 없음',
};

export const PAYMENT_KIND_LABEL: Record<string, string> = { CHARGE: '결제', REFUND: '환불' };

export const PAYMENT_STATUS_LABEL: Record<string, string> = {
  CAPTURED: '승인',
  DECLINED: '거절',
  FAILED: '실패',
  UNKNOWN: '확인 중',
  VOIDED: '취소',
  REFUNDED: '환불 완료',
  PARTIAL_REFUNDED: '부분 환불',
};

export const ACTOR_LABEL: Record<string, string> = {
  CUSTOMER: '고객',
  SELLER: '판매자',
  ADMIN: '운영자',
  SYSTEM: '시스템',
};

export const CHANNEL_LABEL: Record<string, string> = {
  IN_APP: '앱 알림',
  SMS: '문자',
  EMAIL: '이메일',
};

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  SELLER_APPROVED: '입점 승인',
  SELLER_REJECTED: '입점 반려',
  USER_SUSPENDED: '회원 정지',
  USER_REINSTATED: '회원 정지 해제',
  STORE_SUSPENDED: '매장 정지',
  STORE_REOPENED: '매장 다시 열기',
  STORE_CLOSED: '매장 닫기',
  PRODUCT_STATUS_CHANGED: '상품 상태 변경',
  PRODUCT_DELETED: '상품 삭제',
  SETTLEMENT_RUN: '정산 실행',
  API_KEY_REVOKED: 'API 키 폐기',
  ORDER_ADVANCED: '주문 진행',
};

export const AUDIT_TARGET_LABEL: Record<string, string> = {
  USER: '회원',
  STORE: '매장',
  PRODUCT: '상품',
  SETTLEMENT: '정산',
  API_KEY: 'API 키',
  ORDER: '주문',
};
