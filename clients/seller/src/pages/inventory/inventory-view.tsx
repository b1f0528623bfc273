import { useQuery, useSubscription } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatInstant, useToast } from '@bloom/client-shared';
import { useState } from 'react';
import {
  INVENTORY_LIVE,
  type InventoryData,
  type InventoryItem,
  type InventoryLiveNotice,
  SELLER_INVENTORY,
} from './inventory.operations.js';
import { ReceiveDelivery } from './receive-delivery.js';
import { StockEditor } from './stock-editor.js';
import './inventory.css';

const DEFAULT_THRESHOLD = 50;

/** Stock of the 22 flowers: low ones first catch the eye, one tap opens set/adjust/history. */
export function InventoryView() {
  const { data, error, loading, refetch } = useQuery<InventoryData>(SELLER_INVENTORY, {
    fetchPolicy: 'cache-and-network',
  });
  const toast = useToast();
  const [open, setOpen] = useState<number | null>(null);
  const [receiving, setReceiving] = useState(false);
  const [lowOnly, setLowOnly] = useState(false);
  // Low-stock notices that came while the page is open, newest first, until dismissed.
  const [alerts, setAlerts] = useState<InventoryLiveNotice['notificationAdded'][]>([]);
  useSubscription<InventoryLiveNotice>(INVENTORY_LIVE, {
    onData: ({ data: live }) => {
      const notice = live.data?.notificationAdded;
      if (notice?.kind !== 'STOCK_LOW') return;
      setAlerts((all) => [notice, ...all.filter((a) => a.id !== notice.id)].slice(0, 3));
      void refetch().catch(() => undefined);
    },
  });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const store = data?.myStore;
  if (!store)
    return <Empty>꽃집을 먼저 만들어 주세요. 재고는 꽃집이 생긴 뒤에 관리할 수 있어요.</Empty>;

  const names = new Map((data.flowers ?? []).map((f) => [f.id, f.name.ko]));
  const flowerName = (id: number) => names.get(id) ?? `꽃 ${id}`;
  const threshold = store.lowStockThreshold ?? DEFAULT_THRESHOLD;
  const byId = new Map(store.inventory.map((i) => [i.flowerId, i]));
  const rows: InventoryItem[] = (data.flowers ?? []).map(
    (f) =>
      byId.get(f.id) ?? {
        flowerId: f.id,
        available: 0,
        reserved: 0,
        onHand: 0,
        low: true,
        updatedAt: null,
      },
  );
  const lowCount = rows.filter((r) => r.low).length;
  const shown = lowOnly ? rows.filter((r) => r.low) : rows;
  const done = (message: string) => toast({ title: message });

  return (
    <div className="inv stack">
      <header className="inv-head">
        <div>
          <h1>재고</h1>
          <p className="muted small">
            {threshold.toLocaleString('ko-KR')}송이 미만이면{' '}
            <span className="inv-low-word">부족</span>으로 표시돼요.
          </p>
        </div>
        <button
          type="button"
          className="button"
          aria-expanded={receiving}
          onClick={() => setReceiving((r) => !r)}
        >
          입고 등록
        </button>
      </header>
      {receiving && (
        <ReceiveDelivery
          storeId={store.id}
          flowers={(data.flowers ?? []).map((f) => ({ id: f.id, name: f.name.ko }))}
          flowerName={flowerName}
          onDone={(m) => {
            setReceiving(false);
            done(m);
          }}
          onCancel={() => setReceiving(false)}
        />
      )}
      {alerts.length > 0 && (
        <div className="notice error inv-alert" role="alert">
          <div>
            <strong>재고가 알림 기준 아래로 떨어졌어요</strong>
            <ul>
              {alerts.map((a) => (
                <li key={a.id}>{a.body}</li>
              ))}
            </ul>
          </div>
          <div className="inv-alert-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setLowOnly(true);
                setAlerts([]);
              }}
            >
              부족한 꽃 보기
            </button>
            <button type="button" className="button secondary" onClick={() => setAlerts([])}>
              닫기
            </button>
          </div>
        </div>
      )}
      <div className="chips" role="group" aria-label="보기">
        <button
          type="button"
          className={lowOnly ? 'chip' : 'chip active'}
          aria-pressed={!lowOnly}
          onClick={() => setLowOnly(false)}
        >
          전체 {rows.length}
        </button>
        <button
          type="button"
          className={lowOnly ? 'chip active' : 'chip'}
          aria-pressed={lowOnly}
          onClick={() => setLowOnly(true)}
        >
          부족 {lowCount}
        </button>
      </div>
      {shown.length === 0 && <Empty>부족한 꽃이 없어요.</Empty>}
      <ul className="inv-list">
        {shown.map((row) => {
          const name = flowerName(row.flowerId);
          const expanded = open === row.flowerId;
          return (
            <li
              key={row.flowerId}
              className={`inv-row card${row.low ? ' low' : ''}${expanded ? ' open' : ''}`}
              data-flower={row.flowerId}
            >
              <button
                type="button"
                className="inv-row-head"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : row.flowerId)}
              >
                <span className="inv-name">
                  <strong>{name}</strong>
                  {row.low && <span className="status-pill bad">부족</span>}
                </span>
                <span className="inv-figure">
                  <strong className="inv-available">{row.available.toLocaleString('ko-KR')}</strong>
                  <span className="small">송이</span>
                </span>
                <span className="inv-meta muted small">
                  {row.reserved > 0 ? `주문 대기 ${row.reserved.toLocaleString('ko-KR')}송이` : ''}
                  {row.reserved > 0 && row.updatedAt ? ' · ' : ''}
                  {row.updatedAt ? `${formatInstant(row.updatedAt)} 변경` : '기록 없음'}
                </span>
              </button>
              {expanded && (
                <StockEditor
                  storeId={store.id}
                  item={row}
                  name={name}
                  flowerName={flowerName}
                  onDone={done}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
