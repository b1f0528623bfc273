import { type TypedError, codeMessage, fieldName, koreanMessage } from '@bloom/client-shared';

/** Product fields in the florist's words (the codes are in the shared catalogue). */
const BY_FIELD: Record<string, string> = {
  name: '상품명을 1~100자로 입력해 주세요.',
  summary: '한 줄 소개를 1~200자로 입력해 주세요.',
  description: '설명은 5,000자까지 쓸 수 있어요.',
  price: codeMessage('INVALID_PRICE') ?? '',
  category: codeMessage('CATEGORY_REQUIRED') ?? '',
  tags: '태그는 겹치지 않게 7개까지 고를 수 있어요.',
  recipe: codeMessage('INVALID_RECIPE') ?? '',
  images: '사진을 다시 올려 주세요. 10장까지 넣을 수 있어요.',
};

export function productMessage(error: TypedError): string {
  return codeMessage(error.code) ?? BY_FIELD[fieldName(error.field)] ?? koreanMessage(error);
}
