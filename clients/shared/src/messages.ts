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
  /** NotEnoughStockError: how many the store can make now. */
  available?: number;
  /** NotEnoughStockError: the product short of stock. */
  productId?: string;
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
  INVALID_CREDENTIALS: '이메일 또는 비밀번호가 맞지 않아요.',
  ACCOUNT_SUSPENDED: '이용이 정지된 계정이에요. 고객센터에 문의해 주세요.',
  EMAIL_TAKEN: '이미 가입된 이메일이에요. 로그인해 주세요.',
  INVALID_EMAIL: '올바른 이메일 주소를 입력해 주세요.',
  WEAK_PASSWORD: '비밀번호는 8자 이상, 영문과 숫자를 함께 써 주세요.',
  INVALID_NAME: '이름을 1~50자로 입력해 주세요.',
  INVALID_PHONE: '휴대폰 번호를 010-1234-5678 형식으로 입력해 주세요.',
  // cart and checkout
  EMPTY_CART: '주문할 상품이 없어요.',
  PRODUCT_UNAVAILABLE: '지금 판매하지 않는 상품이 있어요. 빼고 다시 주문해 주세요.',
  STORE_UNAVAILABLE: '지금 주문을 받지 않는 꽃집이 있어요.',
  COUPON_NOT_APPLICABLE: '이 주문에는 쓸 수 없는 쿠폰이에요.',
  IDEMPOTENCY_KEY_REUSED:
    '이 화면에서 이미 다른 내용으로 주문이 접수됐어요. 주문 내역을 확인해 주세요.',
  INVALID_ZIP: '우편번호 5자리를 입력해 주세요.',
  INVALID_DATE: '오늘 이후의 날짜를 골라 주세요.',
  INVALID_SLOT: '픽업 시간을 다시 골라 주세요.',
  PICKUP_SLOT_REQUIRED: '꽃집마다 픽업 시간을 골라 주세요.',
  DELIVERY_REQUIRED: '배송지를 입력해 주세요.',
  INVALID_QUANTITY: '수량은 1~999개로 골라 주세요.',
  INVALID_WINDOW: '배송 시간을 골라 주세요.',
  WINDOW_NOT_OFFERED: '꽃집이 그날 배송하지 않는 시간이에요. 보이는 시간 중에서 골라 주세요.',
  AFTER_CUTOFF: '오늘 배송 주문은 마감됐어요. 다른 날을 골라 주세요.',
  CLOSED_DAY: '꽃집이 쉬는 날이에요. 다른 날을 골라 주세요.',
  // coupons
  COUPON_UNAVAILABLE: '더 이상 받을 수 없는 쿠폰이에요.',
  COUPON_SOLD_OUT: '쿠폰이 모두 소진됐어요.',
  // orders
  ORDER_NOT_FOUND: '주문을 찾을 수 없어요.',
  INVALID_TRANSITION: '이 주문은 지금 취소할 수 없어요.',
  REASON_REQUIRED: '취소 사유를 300자 이내로 적어 주세요.',
  // subscriptions
  PRODUCT_NOT_SUBSCRIBABLE: '지금 구독할 수 없는 상품이에요.',
  STORE_NOT_OPEN: '이 꽃집은 지금 주문을 받지 않아요.',
  CANCELED: '해지된 구독이에요.',
  SUSPENDED: '결제 실패로 정지된 구독이에요. 먼저 다시 시작하거나 카드를 바꿔 주세요.',
  ALREADY_CHARGED: '다음 배송은 이미 결제되어 준비 중이에요. 그 다음 배송부터 바꿀 수 있어요.',
  NO_NEXT_CYCLE: '건너뛸 다음 배송이 없어요.',
  NOT_NEXT_CYCLE: '다음 배송이 바뀌었어요. 새로고침 후 다시 시도해 주세요.',
  NOT_PAUSED: '일시정지 중인 구독이 아니에요.',
  INVALID_CARD_NUMBER: '카드 번호가 올바르지 않아요.',
  INVALID_CARD_EXPIRATION: '유효기간이 지난 카드예요.',
  CARD_REFUSED: '카드 등록이 거절됐어요. 다른 카드를 써 주세요.',
  REJECT_CARD_COMPANY: '카드사에서 거절했어요. 다른 카드를 써 주세요.',
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
  // message cards
  MESSAGE_REQUIRED: '카드에 담을 문구를 써 주세요.',
  MESSAGE_TOO_LONG: '카드 문구가 너무 길어요. 조금만 줄여 주세요.',
  FROM_NAME_TOO_LONG: '보내는 분 이름은 30자까지 쓸 수 있어요.',
  UNKNOWN_TEMPLATE: '카드 디자인을 다시 골라 주세요.',
  ORDER_LINE_NOT_FOUND: '이 주문의 상품을 찾을 수 없어요. 새로고침해 주세요.',
  GIFT_CARD_EXISTS: '이미 이 상품의 카드를 썼어요. 새로고침하면 고칠 수 있어요.',
  GIFT_CARD_NOT_FOUND: '카드를 찾을 수 없어요. 새로고침해 주세요.',
  CARD_NOT_ALLOWED: '이미 받았거나 취소된 주문이라 카드를 쓸 수 없어요.',
  CARD_LOCKED: '꽃이 출발해서 카드는 더 고칠 수 없어요.',
  // easy pay
  RETURN_URL_REQUIRED: '결제 화면에서 돌아올 주소가 없어요. 새로고침한 뒤 다시 시도해 주세요.',
  RETURN_URL_NOT_ALLOWED: '이 주소에서는 간편결제를 쓸 수 없어요. 쇼핑몰 주소로 접속해 주세요.',
  PAYMENT_NOT_APPROVED: '아직 결제 승인이 끝나지 않았어요. 결제 화면에서 승인해 주세요.',
};

/** InvalidInputError without a specific code: the field says what is wrong. */
const BY_FIELD: Record<string, string> = {
  email: BY_CODE.INVALID_EMAIL ?? '',
  password: BY_CODE.WEAK_PASSWORD ?? '',
  name: BY_CODE.INVALID_NAME ?? '',
  phone: BY_CODE.INVALID_PHONE ?? '',
  senderPhone: '보내는 분 휴대폰 번호를 010-1234-5678처럼 입력해 주세요.',
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

/** Longest free texts the API accepts (trimmed), by field: longer ones are refused, never cut. */
export const TEXT_LIMITS = {
  recipientName: 50,
  senderName: 50,
  street: 200,
  detail: 200,
  note: 300,
  label: 20,
} as const;

/** What each limited text is called, with its particle: "주소는 200자까지…". */
const TEXT_NAMES: Record<keyof typeof TEXT_LIMITS, string> = {
  recipientName: '받는 분 이름은',
  senderName: '보내는 분 이름은',
  street: '주소는',
  detail: '상세 주소는',
  note: '요청사항은',
  label: '배송지 이름은',
};

/** Subscriptions call the address lines line1/line2. */
const TEXT_ALIASES: Record<string, keyof typeof TEXT_LIMITS> = { line1: 'street', line2: 'detail' };

const limitedField = (field: string): keyof typeof TEXT_LIMITS | undefined =>
  TEXT_ALIASES[field] ?? (field in TEXT_LIMITS ? (field as keyof typeof TEXT_LIMITS) : undefined);

/** "주소는 200자까지 쓸 수 있어요." for a limited text field (a path or its last segment). */
export function tooLongMessage(field: string): string | undefined {
  const name = limitedField(fieldName(field));
  return name && `${TEXT_NAMES[name]} ${TEXT_LIMITS[name]}자까지 쓸 수 있어요.`;
}

/** "재고가 3개 남았어요" for a NotEnoughStockError's `available`. */
export const stockMessage = (available: number): string =>
  available > 0
    ? `재고가 ${available}개 남았어요. ${available}개 이하로 골라 주세요.`
    : '지금은 재고가 없어요. 상품을 빼고 주문해 주세요.';

/** The last segment of a field path: `delivery.phone` → `phone`. */
export const fieldName = (field: string | undefined): string => field?.split('.').at(-1) ?? '';

/** The catalogue's sentence for a code, if it has one (a form's own field words come next). */
export const codeMessage = (code: string): string | undefined => BY_CODE[code];

/** A sentence in Korean for a typed result error. */
export function koreanMessage(error: TypedError): string {
  if (error.code === 'LOGIN_THROTTLED' && error.retryAfter) {
    return `로그인 시도가 너무 많아요. ${formatInstant(error.retryAfter)} 이후에 다시 시도해 주세요.`;
  }
  if (error.code === 'SIGNUP_BLOCKED' && error.until) {
    return `탈퇴한 이메일은 ${formatInstant(error.until)} 이후에 다시 가입할 수 있어요.`;
  }
  if (error.code === 'INSUFFICIENT_STOCK' && error.available !== undefined) {
    return stockMessage(error.available);
  }
  if (error.code === 'TOO_LONG' && error.field) {
    const tooLong = tooLongMessage(error.field);
    if (tooLong) return tooLong;
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
  OUT_OF_STOCK: '꽃집의 꽃 재고가 부족해 주문을 완료하지 못했어요.',
  SLOT_FULL: '선택한 픽업 시간이 마감됐어요.',
  SLOT_UNAVAILABLE: '선택한 픽업 시간을 예약할 수 없어요.',
  STORE_NOT_OPEN: '꽃집이 주문을 받지 않고 있어요.',
  COUPON_REJECTED: '쿠폰을 사용할 수 없어 주문을 완료하지 못했어요.',
  PAYMENT_DECLINED: '카드 결제가 거절됐어요.',
  PAYMENT_FAILED: '결제를 완료하지 못했어요.',
  RESERVATION_TIMEOUT: '꽃집이 제때 응답하지 않았어요.',
  COUPON_TIMEOUT: '쿠폰 확인이 늦어지고 있어요.',
  PAYMENT_TIMEOUT: '결제 응답이 늦어지고 있어요.',
  PAYMENT_CANCELED: '결제 화면에서 결제를 취소했어요.',
  CANCELED_BY_CUSTOMER: '주문자가 취소했어요.',
  CANCELED_BY_SELLER: '꽃집에서 취소했어요.',
  CANCELED_BY_ADMIN: '운영자가 취소했어요.',
};

export function problemText(problem: { code: string; message: string }): string {
  return PROBLEMS[problem.code] ?? problem.message;
}

/** How an order was paid (the API's PaymentMethod), as shoppers and staff read it. */
export const PAYMENT_METHOD_LABEL = {
  CARD: '신용·체크카드',
  KAKAO_PAY: '카카오페이',
  NAVER_PAY: '네이버페이',
  TOSS_PAY: '토스페이',
} as const;

export type PaymentMethod = keyof typeof PAYMENT_METHOD_LABEL;
