import type { TypedError } from '@bloom/client-shared';

/** The store's input fields, by the last segment of the server's `field` path. */
const BY_FIELD: Record<string, string> = {
  name: '매장 이름을 1~40자로 입력해 주세요.',
  description: '소개는 2,000자까지 쓸 수 있어요.',
  phone: '전화번호를 02-123-4567 또는 010-1234-5678 형식으로 입력해 주세요.',
  thumbnailUrl: '대표 사진 주소가 올바르지 않아요.',
  regionCode: '시/도를 골라 주세요.',
  districtCode: '시/군/구를 골라 주세요.',
  street: '도로명 주소를 입력해 주세요.',
  detail: '상세 주소는 200자까지 쓸 수 있어요.',
  zipCode: '우편번호 5자리를 입력해 주세요.',
  latitude: '위도와 경도를 숫자로 입력해 주세요. (예: 37.5509, 126.9227)',
  longitude: '위도와 경도를 숫자로 입력해 주세요. (예: 37.5509, 126.9227)',
  businessHours: '영업시간을 다시 확인해 주세요.',
  opensAt: '여는 시간을 다시 확인해 주세요.',
  closesAt: '닫는 시간은 여는 시간보다 30분 이상 늦어야 해요. (자정을 넘길 수 없어요)',
  closedWeekdays: '일주일에 하루는 문을 열어야 해요.',
  bank: '정산 은행을 골라 주세요.',
  accountNumber: '계좌번호를 숫자 8~20자리로 입력해 주세요. (하이픈 가능)',
  accountHolder: '예금주를 1~40자로 입력해 주세요.',
  fee: '배송비는 0원부터 100,000원까지 숫자로 입력해 주세요.',
  freeDeliveryThreshold:
    '무료 배송 기준 금액을 숫자로 입력해 주세요. 비워 두면 항상 배송비를 받아요.',
  sameDayCutoff: '당일 배송 마감 시간을 골라 주세요.',
  windows: '배송 시간대는 1~8개, 끝이 시작보다 늦고 서로 겹치지 않게 정해 주세요.',
  slotCapacity: '시간대별 픽업 건수는 1~50건으로 입력해 주세요.',
  lowStockThreshold: '재고 알림 기준을 숫자로 입력해 주세요.',
};

const BY_TYPE: Record<string, string> = {
  StoreAlreadyExistsError: '이미 매장이 있어요. 화면을 새로고침해 주세요.',
  SellerNotApprovedError:
    '승인 정보가 아직 매장 서비스에 전달되지 않았어요. 잠시 후 다시 눌러 주세요.',
};

export const fieldKey = (error: TypedError | null): string | null =>
  error?.field?.split('.').at(-1) ?? null;

/** A Korean sentence for a store set-up error (never the server's English). */
export function storeError(error: TypedError | null): TypedError | null {
  if (!error) return null;
  const byType = error.__typename ? BY_TYPE[error.__typename] : undefined;
  if (byType) return { ...error, message: byType };
  if (error.code === 'NETWORK') return error;
  const byField = BY_FIELD[fieldKey(error) ?? ''];
  return { ...error, message: byField ?? '입력한 내용을 다시 확인해 주세요.' };
}
