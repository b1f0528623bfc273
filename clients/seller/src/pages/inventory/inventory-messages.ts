import { type TypedError, koreanMessage } from '@bloom/client-shared';
import type { StockShortage } from './inventory.operations.js';

/** The stock mutations' codes in the florist's words (the API's messages are English). */
const BY_CODE: Record<string, string> = {
  OUT_OF_RANGE: '수량은 0~1,000,000송이로 입력해 주세요. 더하기·빼기는 0이 아니어야 해요.',
  EMPTY: '수량을 입력한 꽃이 없어요.',
  UNKNOWN_FLOWER: '목록에 있는 꽃만 입력할 수 있어요.',
  DUPLICATE_FLOWER: '같은 꽃이 두 번 들어갔어요.',
};

export function stockMessage(error: TypedError, flowerName: (id: number) => string): string {
  if (error.code === 'INSUFFICIENT_STOCK' || 'shortages' in error) {
    const shortages = (error as TypedError & { shortages?: StockShortage[] }).shortages ?? [];
    const detail = shortages
      .map((s) => `${flowerName(s.flowerId)} ${s.available}송이 남음`)
      .join(', ');
    return `남은 재고보다 많이 뺄 수 없어요.${detail ? ` (${detail})` : ''}`;
  }
  return (
    BY_CODE[error.code] ??
    (error.field === 'reason' ? '사유는 짧게 적어 주세요.' : koreanMessage(error))
  );
}

/** Ledger movement kinds (StockMovement.kind). */
export const KIND_LABEL: Record<string, string> = {
  SET: '수량 입력',
  ADJUST: '더하기·빼기',
  RESERVE: '주문 대기',
  RELEASE: '주문 취소로 복구',
  COMMIT: '주문 확정',
  RESTOCK: '취소 반품',
};
