import { type TypedError, codeMessage, fieldName, koreanMessage } from '@bloom/client-shared';

/** The coupon mutations' errors in the florist's words, by field (the API speaks English). */
const BY_FIELD: Record<string, string> = {
  name: '쿠폰 이름을 1~40자로 입력해 주세요.',
  code: '쿠폰 코드는 영문·숫자·하이픈(-) 3~20자로 입력해 주세요.',
  discountAmount: '할인 금액은 1원부터 1,000,000원까지 입력할 수 있어요.',
  minOrderAmount: '최소 주문 금액은 0원부터 10,000,000원까지 입력할 수 있어요.',
  issueLimit: '발급 수량은 1장부터 100,000장까지 정할 수 있어요.',
  startsAt: '시작일을 다시 골라 주세요.',
  endsAt: '종료일은 시작일 이후, 오늘 이후로 골라 주세요.',
  onlyFor: '사용 조건을 다시 골라 주세요.',
};

/** Which form field an error belongs next to. */
export function couponErrorField(error: TypedError): string {
  if (error.code === 'COUPON_CODE_TAKEN') return 'code';
  return fieldName(error.field);
}

export function couponMessage(error: TypedError): string {
  if (error.code === 'INVALID_PERIOD' && error.message.includes('future'))
    return '종료일은 오늘 이후로 골라 주세요.';
  if (error.code === 'INVALID_PERIOD') return '종료일은 시작일보다 뒤여야 해요.';
  return codeMessage(error.code) ?? BY_FIELD[fieldName(error.field)] ?? koreanMessage(error);
}
