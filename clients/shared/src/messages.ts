/**
 * Korean words for what the API says in codes. The API's `message`s are English (they are
 * written for integrators too), so each client shows its own sentence for every code it
 * knows and falls back to the server's message only for codes added later.
 */
import { gql } from '@apollo/client';
import { formatInstant } from './format.js';

/*
 * Result unions are read with one `... on <ConcreteError> { code message }` per error type,
 * never `... on UserError`: the cache has no `possibleTypes`, so fields asked through the
 * interface come back missing.
 */
export interface TypedError {
  __typename?: string;
  code: string;
  message: string;
  /** InvalidInputError: the input field at fault, e.g. `delivery.phone`. */
  field?: string;
  /** LoginThrottledError. */
  retryAfter?: string;
  /** SignupBlockedError. */
  until?: string;
}

/** Spread into a result union that may be an InvalidInputError: `field` marks the input at fault. */
export const INVALID_INPUT = gql`
  fragment InvalidInputFields on InvalidInputError {
    code
    message
    field
  }
`;

const BY_CODE: Record<string, string> = {
  // identity
  INVALID_CREDENTIALS: '이메일 또는 비밀번호가 맞지 않습니다.',
  ACCOUNT_SUSPENDED: '이용이 정지된 계정입니다. 고객센터에 문의해 주세요.',
  EMAIL_TAKEN: '이미 가입된 이메일입니다. 로그인해 주세요.',
  INVALID_EMAIL: '올바른 이메일 주소를 입력해 주세요.',
  WEAK_PASSWORD: '비밀번호는 8자 이상, 영문과 숫자를 함께 써 주세요.',
  INVALID_NAME: '이름을 1~50자로 입력해 주세요.',
  INVALID_PHONE: '휴대폰 번호를 010-1234-5678 형식으로 입력해 주세요.',
  // cart and checkout
  EMPTY_CART: '주문할 상품이 없습니다.',
  PRODUCT_UNAVAILABLE: '지금 판매하지 않는 상품이 있습니다. 빼고 다시 주문해 주세요.',
  STORE_UNAVAILABLE: '지금 주문을 받지 않는 꽃집이 있습니다.',
  COUPON_NOT_APPLICABLE: '이 주문에는 쓸 수 없는 쿠폰입니다.',
  IDEMPOTENCY_KEY_REUSED:
    '이 화면에서 이미 다른 내용으로 주문이 접수되었습니다. 주문 내역을 확인해 주세요.',
  INVALID_ZIP: '우편번호 5자리를 입력해 주세요.',
  INVALID_DATE: '오늘 이후의 날짜를 골라 주세요.',
  INVALID_SLOT: '픽업 시간을 다시 골라 주세요.',
  PICKUP_SLOT_REQUIRED: '꽃집마다 픽업 시간을 골라 주세요.',
  DELIVERY_REQUIRED: '배송지를 입력해 주세요.',
  INVALID_QUANTITY: '수량은 1~999개로 골라 주세요.',
  // coupons
  COUPON_UNAVAILABLE: '더 이상 받을 수 없는 쿠폰입니다.',
  COUPON_SOLD_OUT: '쿠폰이 모두 소진되었습니다.',
  // orders
  ORDER_NOT_FOUND: '주문을 찾을 수 없습니다.',
  INVALID_TRANSITION: '이 주문은 지금 취소할 수 없습니다.',
  REASON_REQUIRED: '취소 사유를 300자 이내로 적어 주세요.',
  // subscriptions
  PRODUCT_NOT_SUBSCRIBABLE: '지금 구독할 수 없는 상품입니다.',
  STORE_NOT_OPEN: '이 꽃집은 지금 주문을 받지 않습니다.',
  CANCELED: '해지된 구독입니다.',
  SUSPENDED: '결제 실패로 정지된 구독입니다. 먼저 다시 시작하거나 카드를 바꿔 주세요.',
  ALREADY_CHARGED: '다음 배송은 이미 결제되어 준비 중입니다. 그 다음 배송부터 바꿀 수 있어요.',
  NO_NEXT_CYCLE: '건너뛸 다음 배송이 없습니다.',
  NOT_NEXT_CYCLE: '다음 배송이 바뀌었습니다. 새로고침 후 다시 시도해 주세요.',
  NOT_PAUSED: '일시정지 중인 구독이 아닙니다.',
  INVALID_CARD_NUMBER: '카드 번호가 올바르지 않습니다.',
  INVALID_CARD_EXPIRATION: '유효기간이 지난 카드입니다.',
  CARD_REFUSED: '카드 등록이 거절되었습니다. 다른 카드를 써 주세요.',
  REJECT_CARD_COMPANY: '카드사에서 거절했습니다. 다른 카드를 써 주세요.',
  // seller dashboard (a florist reads these: 해요체, like the dashboard)
  INVALID_BUSINESS_NUMBER: '사업자등록번호가 맞지 않아요. 번호를 다시 확인해 주세요.',
  ALREADY_APPLIED: '이미 신청했어요. 심사 결과를 기다려 주세요.',
  NO_STORE: '꽃집을 먼저 만들어 주세요.',
  INVALID_PRICE: '가격은 100원부터 1,000만 원까지 원 단위로 입력해 주세요.',
  CATEGORY_REQUIRED: '종류를 골라 주세요.',
  INVALID_RECIPE: '구성 꽃은 1~22종, 한 종에 1~999송이로 넣어 주세요.',
  UNKNOWN_FLOWER: '목록에 있는 꽃만 고를 수 있어요.',
  REPRESENTATIVE_REQUIRED: '대표 꽃을 하나 골라 주세요.',
  SUBSCRIPTION_PRODUCT_EXISTS:
    '정기구독 상품은 꽃집마다 하나만 만들 수 있어요. 이미 있는 상품을 고쳐 주세요.',
  PRODUCT_NOT_FOUND: '상품을 찾을 수 없어요. 목록을 새로고침해 주세요.',
  USE_DELETE: '삭제는 삭제 버튼으로 해 주세요.',
  EMPTY: '수량을 입력한 꽃이 없어요.',
  DUPLICATE_FLOWER: '같은 꽃이 두 번 들어갔어요.',
  COUPON_CODE_TAKEN: '이미 쓰고 있는 쿠폰 코드예요. 다른 코드를 정해 주세요.',
};

/** InvalidInputError without a specific code: the field says what is wrong. */
const BY_FIELD: Record<string, string> = {
  email: BY_CODE.INVALID_EMAIL ?? '',
  password: BY_CODE.WEAK_PASSWORD ?? '',
  name: BY_CODE.INVALID_NAME ?? '',
  phone: BY_CODE.INVALID_PHONE ?? '',
  recipientName: '받는 분 이름을 입력해 주세요.',
  zipCode: BY_CODE.INVALID_ZIP ?? '',
  street: '주소를 입력해 주세요.',
  line1: '주소를 입력해 주세요.',
  deliveryDate: BY_CODE.INVALID_DATE ?? '',
  window: '배송 시간을 골라 주세요.',
  deliveryWindow: '꽃집의 배송 시간 중에서 골라 주세요.',
  note: '요청사항은 300자까지 쓸 수 있어요.',
  quantity: '수량을 다시 확인해 주세요.',
  firstDeliveryDate: '첫 배송일은 오늘로부터 2일 뒤부터 고를 수 있어요.',
  date: '배송일은 오늘로부터 2일 뒤부터 고를 수 있어요.',
  until: '일시정지는 오늘 이후에 시작해 최대 3개월까지 할 수 있어요.',
  from: '일시정지는 오늘 이후에 시작해 최대 3개월까지 할 수 있어요.',
  reason: BY_CODE.REASON_REQUIRED ?? '',
  pickupSlots: '픽업 시간을 골라 주세요.',
  idempotencyKey: '화면을 새로고침한 뒤 다시 시도해 주세요.',
};

/** The last segment of a field path: `delivery.phone` → `phone`. */
export const fieldName = (field: string | undefined): string => field?.split('.').at(-1) ?? '';

/** The catalogue's sentence for a code, if it has one (a form's own field words come next). */
export const codeMessage = (code: string): string | undefined => BY_CODE[code];

/** A sentence in Korean for a typed result error. */
export function koreanMessage(error: TypedError): string {
  if (error.code === 'LOGIN_THROTTLED' && error.retryAfter) {
    return `로그인 시도가 너무 많습니다. ${formatInstant(error.retryAfter)} 이후에 다시 시도해 주세요.`;
  }
  if (error.code === 'SIGNUP_BLOCKED' && error.until) {
    return `탈퇴한 이메일은 ${formatInstant(error.until)} 이후에 다시 가입할 수 있습니다.`;
  }
  const known = BY_CODE[error.code];
  if (known) return known;
  const byField = BY_FIELD[fieldName(error.field)];
  if (byField) return byField;
  return error.message;
}

/** For `<UserErrorNotice>`: the same error with its Korean sentence. */
export const inKorean = <E extends TypedError>(error: E | null): E | null =>
  error && { ...error, message: koreanMessage(error) };

/** Why an order failed or was canceled (OrderProblem.code). */
const PROBLEMS: Record<string, string> = {
  OUT_OF_STOCK: '꽃집의 꽃 재고가 부족해 주문을 완료하지 못했습니다.',
  SLOT_FULL: '선택한 픽업 시간이 마감되었습니다.',
  SLOT_UNAVAILABLE: '선택한 픽업 시간을 예약할 수 없습니다.',
  STORE_NOT_OPEN: '꽃집이 주문을 받지 않고 있습니다.',
  COUPON_REJECTED: '쿠폰을 사용할 수 없어 주문을 완료하지 못했습니다.',
  PAYMENT_DECLINED: '카드 결제가 거절되었습니다.',
  PAYMENT_FAILED: '결제를 완료하지 못했습니다.',
  RESERVATION_TIMEOUT: '꽃집이 제때 응답하지 않았습니다.',
  COUPON_TIMEOUT: '쿠폰 확인이 지연되었습니다.',
  PAYMENT_TIMEOUT: '결제 응답이 지연되었습니다.',
  CANCELED_BY_CUSTOMER: '주문자가 취소했습니다.',
  CANCELED_BY_SELLER: '꽃집에서 취소했습니다.',
  CANCELED_BY_ADMIN: '운영자가 취소했습니다.',
};

export function problemText(problem: { code: string; message: string }): string {
  return PROBLEMS[problem.code] ?? problem.message;
}
