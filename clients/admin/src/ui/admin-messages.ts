import { type TypedError, koreanMessage } from '@bloom/client-shared';

/** The codes of the admin fields' typed errors, in Korean; the rest from the shared catalogue. */
const BY_CODE: Record<string, string> = {
  REASON_REQUIRED: '사유를 적어 주세요.',
  NOT_PENDING: '이미 다른 운영자가 처리한 신청이에요. 목록을 새로 불러왔어요.',
  APPLICATION_NOT_FOUND: '신청을 찾을 수 없어요.',
  USER_NOT_FOUND: '회원을 찾을 수 없어요.',
  CANNOT_SUSPEND_ADMIN: '운영자 계정은 정지할 수 없어요.',
  INVALID_STATUS_TRANSITION: '지금 매장 상태에서는 할 수 없는 일이에요. 새로 불러와 확인해 주세요.',
  PRODUCT_NOT_FOUND: '상품을 찾을 수 없어요.',
  INVALID_MONTH: '정산할 달을 다시 골라 주세요.',
};

/** A typed error's sentence for staff. */
export const adminMessage = (error: TypedError): string =>
  BY_CODE[error.code] ?? koreanMessage(error);
