import { type TypedError, codeMessage, koreanMessage } from '@bloom/client-shared';
import type { StockShortage } from './inventory.operations.js';

/** OUT_OF_RANGE means the stock amounts here (a generic code); the rest are shared. */
const OUT_OF_RANGE = '수량은 0~1,000,000송이로 입력해 주세요. 더하기·빼기는 0이 아니어야 해요.';

export function stockMessage(error: TypedError, flowerName: (id: number) => string): string {
  if (error.code === 'INSUFFICIENT_STOCK' || 'shortages' in error) {
    const shortages = (error as TypedError & { shortages?: StockShortage[] }).shortages ?? [];
    const detail = shortages
      .map((s) => `${flowerName(s.flowerId)} ${s.available}송이 남음`)
      .join(', ');
    return `남은 재고보다 많이 뺄 수 없어요.${detail ? ` (${detail})` : ''}`;
  }
  return (
    (error.code === 'OUT_OF_RANGE' ? OUT_OF_RANGE : codeMessage(error.code)) ??
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
