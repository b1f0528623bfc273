import { type TypedError, fieldName, koreanMessage } from '@bloom/client-shared';

/** Product codes and fields in the florist's words (checked before the shared catalogue). */
const BY_CODE: Record<string, string> = {
  INVALID_PRICE: '가격은 100원부터 1,000만 원까지 원 단위로 입력해 주세요.',
  CATEGORY_REQUIRED: '종류를 골라 주세요.',
  INVALID_RECIPE: '구성 꽃은 1~22종, 한 종에 1~999송이로 넣어 주세요.',
  UNKNOWN_FLOWER: '목록에 있는 꽃만 넣을 수 있어요.',
  REPRESENTATIVE_REQUIRED: '대표 꽃을 하나 골라 주세요.',
  NO_STORE: '꽃집을 먼저 만들어 주세요.',
  SUBSCRIPTION_PRODUCT_EXISTS: '정기구독 상품은 꽃집마다 하나만 만들 수 있어요.',
  PRODUCT_NOT_FOUND: '상품을 찾을 수 없어요. 목록을 새로고침해 주세요.',
  USE_DELETE: '삭제는 삭제 버튼으로 해 주세요.',
};

const BY_FIELD: Record<string, string> = {
  name: '상품명을 1~100자로 입력해 주세요.',
  summary: '한 줄 소개를 1~200자로 입력해 주세요.',
  description: '설명은 5,000자까지 쓸 수 있어요.',
  price: BY_CODE.INVALID_PRICE ?? '',
  category: BY_CODE.CATEGORY_REQUIRED ?? '',
  tags: '태그는 겹치지 않게 7개까지 고를 수 있어요.',
  recipe: BY_CODE.INVALID_RECIPE ?? '',
  images: '사진을 다시 올려 주세요. 10장까지 넣을 수 있어요.',
};

export function productMessage(error: TypedError): string {
  return BY_CODE[error.code] ?? BY_FIELD[fieldName(error.field)] ?? koreanMessage(error);
}
