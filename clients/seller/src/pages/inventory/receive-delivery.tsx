import { type TypedError, UserErrorNotice } from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import { stockMessage } from './inventory-messages.js';
import { useStockMutations } from './stock-mutations.hook.js';

/** "입고 등록": the morning delivery typed in one go, one box per flower, added all or nothing. */
export function ReceiveDelivery({
  storeId,
  flowers,
  flowerName,
  onDone,
  onCancel,
}: {
  storeId: string;
  flowers: { id: number; name: string }[];
  flowerName: (id: number) => string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { adjust, loading } = useStockMutations(storeId);
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [failure, setFailure] = useState(false);

  const items = Object.entries(counts)
    .map(([id, value]) => ({ flowerId: Number(id), delta: Number.parseInt(value, 10) || 0 }))
    .filter((item) => item.delta > 0);
  const stems = items.reduce((sum, item) => sum + item.delta, 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (items.length === 0) return;
    setProblem(null);
    setFailure(false);
    try {
      const result = await adjust(items, '입고');
      if (result?.__typename === 'InventoryUpdate') {
        setCounts({});
        onDone(`${items.length}종 ${stems.toLocaleString('ko-KR')}송이를 입고했어요.`);
      } else if (result) setProblem(result);
    } catch {
      setFailure(true);
    }
  };

  return (
    <form className="card inv-receive stack" onSubmit={(e) => void submit(e)} noValidate>
      <div>
        <h2>입고 등록</h2>
        <p className="muted small">들어온 꽃의 송이 수만 입력해요. 빈칸은 그대로 둬요.</p>
      </div>
      <div className="inv-receive-grid">
        {flowers.map((flower) => (
          <label key={flower.id} className="inv-receive-cell">
            <span>{flower.name}</span>
            <input
              name={`receive-${flower.id}`}
              inputMode="numeric"
              placeholder="0"
              value={counts[flower.id] ?? ''}
              onChange={(e) =>
                setCounts((c) => ({ ...c, [flower.id]: e.target.value.replace(/\D/g, '') }))
              }
            />
          </label>
        ))}
      </div>
      <UserErrorNotice
        error={problem && { ...problem, message: stockMessage(problem, flowerName) }}
      />
      {failure && (
        <p className="notice error" role="alert">
          저장하지 못했어요. 연결을 확인하고 다시 눌러 주세요. 두 번 눌러도 한 번만 들어가요.
        </p>
      )}
      <div className="inv-receive-bar">
        <button type="button" className="button secondary" onClick={onCancel}>
          닫기
        </button>
        <button type="submit" className="button" disabled={items.length === 0 || loading}>
          {loading
            ? '저장 중…'
            : items.length === 0
              ? '입고할 수량을 입력해 주세요'
              : `${items.length}종 ${stems.toLocaleString('ko-KR')}송이 입고`}
        </button>
      </div>
    </form>
  );
}
