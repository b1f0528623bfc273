import { type TypedError, UserErrorNotice } from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import type { InventoryItem } from './inventory.operations.js';
import { stockMessage } from './inventory-messages.js';
import { StockHistory } from './stock-history.js';
import { useStockMutations } from './stock-mutations.hook.js';

const REASONS = ['시들어 폐기', '파손', '매장 사용', '재고 실사'] as const;
const STEPS = [-10, -1, 1, 10] as const;

type Mode = 'adjust' | 'set';

/** One flower's panel: add or remove stems with a reason, or type the counted figure. */
export function StockEditor({
  storeId,
  item,
  name,
  flowerName,
  onDone,
}: {
  storeId: string;
  item: InventoryItem;
  name: string;
  flowerName: (id: number) => string;
  onDone: (message: string) => void;
}) {
  const { set, adjust, loading } = useStockMutations(storeId);
  const [mode, setMode] = useState<Mode>('adjust');
  const [delta, setDelta] = useState(0);
  const [counted, setCounted] = useState(String(item.available));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [failure, setFailure] = useState(false);

  const target = mode === 'adjust' ? item.available + delta : Number(counted);
  const valid =
    mode === 'adjust'
      ? delta !== 0 && reason.trim() !== '' && target >= 0
      : counted.trim() !== '' && Number.isInteger(target) && target >= 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setProblem(null);
    setFailure(false);
    try {
      const trimmed = reason.trim() || undefined;
      const result =
        mode === 'adjust'
          ? await adjust([{ flowerId: item.flowerId, delta }], trimmed)
          : await set([{ flowerId: item.flowerId, available: target }], trimmed ?? '재고 실사');
      if (result?.__typename === 'InventoryUpdate') {
        setDelta(0);
        setReason('');
        onDone(`${name} 재고를 ${target.toLocaleString('ko-KR')}송이로 바꿨어요.`);
      } else if (result) setProblem(result);
    } catch {
      setFailure(true);
    }
  };

  const shown = problem && { ...problem, message: stockMessage(problem, flowerName) };
  return (
    <div className="inv-editor stack">
      <div className="inv-modes" role="tablist" aria-label="바꾸는 방법">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'adjust'}
          className={mode === 'adjust' ? 'chip active' : 'chip'}
          onClick={() => setMode('adjust')}
        >
          더하기·빼기
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'set'}
          className={mode === 'set' ? 'chip active' : 'chip'}
          onClick={() => setMode('set')}
        >
          수량 직접 입력
        </button>
      </div>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {mode === 'adjust' ? (
          <>
            <div className="inv-stepper" aria-label="더하거나 뺄 송이 수">
              {STEPS.map((step) => (
                <button
                  key={step}
                  type="button"
                  className="button secondary"
                  onClick={() => setDelta((d) => d + step)}
                >
                  {step > 0 ? `+${step}` : `−${-step}`}
                </button>
              ))}
            </div>
            <label className="field">
              더하거나 뺄 송이 수
              <input
                name="delta"
                inputMode="numeric"
                value={delta === 0 ? '' : String(delta)}
                placeholder="예: -3"
                onChange={(e) => setDelta(Number.parseInt(e.target.value, 10) || 0)}
                aria-invalid={problem?.field === 'items' || target < 0 || undefined}
              />
            </label>
            <fieldset className="inv-reasons">
              <legend>사유</legend>
              <div className="chips">
                {REASONS.map((r) => (
                  <button
                    key={r}
                    type="button"
                    className={reason === r ? 'chip active' : 'chip'}
                    onClick={() => setReason(r)}
                  >
                    {r}
                  </button>
                ))}
              </div>
              <input
                name="reason"
                aria-label="사유 직접 쓰기"
                placeholder="직접 쓰기"
                maxLength={200}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </fieldset>
          </>
        ) : (
          <label className="field">
            지금 있는 송이 수
            <input
              name="available"
              inputMode="numeric"
              value={counted}
              onChange={(e) => setCounted(e.target.value.replace(/\D/g, ''))}
              aria-invalid={problem?.field === 'items' || undefined}
            />
            <span className="muted small">
              세어 본 수량을 그대로 입력해요. 사유는 ‘재고 실사’로 남아요.
            </span>
          </label>
        )}
        <p className="inv-preview" aria-live="polite">
          {item.available.toLocaleString('ko-KR')}송이 →{' '}
          <strong className={target < 0 ? 'inv-negative' : ''}>
            {Number.isFinite(target) ? target.toLocaleString('ko-KR') : '?'}송이
          </strong>
        </p>
        {target < 0 && <p className="notice error">남은 재고보다 많이 뺄 수 없어요.</p>}
        <UserErrorNotice error={shown} />
        {failure && (
          <p className="notice error" role="alert">
            저장하지 못했어요. 연결을 확인하고 다시 눌러 주세요.
          </p>
        )}
        <button type="submit" className="button block" disabled={!valid || loading}>
          {loading
            ? '저장 중…'
            : mode === 'adjust' && !reason.trim() && delta !== 0
              ? '사유를 골라 주세요'
              : '저장'}
        </button>
      </form>
      <StockHistory flowerId={item.flowerId} />
    </div>
  );
}
