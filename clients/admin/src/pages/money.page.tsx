import { useMutation, useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  downloadCsv,
  formatMonth,
  formatWon,
  seoulDay,
  useToast,
} from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ActionDialog } from '../ui/action-dialog.js';
import { DataTable } from '../ui/data-table.js';
import {
  MONEY_CHOICES,
  type MoneyChoices,
  SETTLEMENTS,
  SETTLE_MONTH,
  type Settlement,
} from './money/money.operations.js';
import { settlementsCsv, totalsOf } from './money/settlements-csv.js';

const COLUMNS: ColumnDef<Settlement>[] = [
  {
    id: 'month',
    header: '정산월',
    accessorFn: (s) => s.month,
    cell: ({ getValue }) => formatMonth(getValue<string>()),
  },
  { id: 'store', header: '매장', accessorFn: (s) => s.store.name },
  {
    id: 'region',
    header: '지역',
    accessorFn: (s) => s.store.address.regionName ?? s.regionCode ?? '—',
  },
  {
    id: 'orderCount',
    header: '주문',
    accessorFn: (s) => s.orderCount,
    cell: ({ getValue }) => `${getValue<number>().toLocaleString('ko-KR')}건`,
  },
  {
    id: 'gross',
    header: '매출',
    accessorFn: (s) => s.gross,
    cell: ({ getValue }) => formatWon(getValue<number>()),
  },
  {
    id: 'commission',
    header: '수수료',
    accessorFn: (s) => s.commission,
    cell: ({ row }) => `${formatWon(row.original.commission)} (${row.original.commissionPercent}%)`,
  },
  {
    id: 'payout',
    header: '지급액',
    accessorFn: (s) => s.payout,
    cell: ({ getValue }) => formatWon(getValue<number>()),
  },
];

/** The month before this one (Seoul): the one usually closed. */
const lastMonth = (): string => {
  const [year = 0, month = 1] = seoulDay().split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 2, 1));
  return date.toISOString().slice(0, 7);
};

export function Page() {
  const toast = useToast();
  const [month, setMonth] = useState(lastMonth);
  const [regionCode, setRegionCode] = useState('');
  const [storeId, setStoreId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const query = useQuery<{ settlements: Settlement[] }>(SETTLEMENTS, {
    variables: {
      ...(month ? { month } : {}),
      ...(regionCode ? { regionCode } : {}),
      ...(storeId ? { storeId } : {}),
    },
    fetchPolicy: 'cache-and-network',
  });
  const choices = useQuery<MoneyChoices>(MONEY_CHOICES);
  const [settle] = useMutation<{ settleMonth: Settlement[] }>(SETTLE_MONTH);

  const regions = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const s of choices.data?.adminStores.nodes ?? []) {
      byCode.set(s.address.regionCode, s.address.regionName ?? s.address.regionCode);
    }
    return [...byCode].sort((a, b) => a[0].localeCompare(b[0]));
  }, [choices.data]);

  const rows = query.data?.settlements;
  const totals = totalsOf(rows ?? []);
  const exportCsv = () => {
    if (!rows) return;
    downloadCsv(`정산내역 ${month || '전체'} ${seoulDay()}.csv`, settlementsCsv(rows));
  };

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>정산</h1>
          <p className="muted small">
            배송·픽업이 끝난 주문을 매장별로 달마다 정산해요. 수수료는 매출의 7%예요.
          </p>
        </div>
        <div className="row-actions">
          <button
            type="button"
            className="button secondary"
            onClick={exportCsv}
            disabled={!rows || rows.length === 0}
          >
            엑셀용 CSV 받기
          </button>
          <button
            type="button"
            className="button"
            disabled={!month}
            onClick={() => setConfirming(true)}
          >
            {month ? `${formatMonth(month)} 정산 실행` : '정산 실행'}
          </button>
        </div>
      </header>
      <div className="admin-filters">
        <label className="field">
          정산월
          <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        </label>
        <label className="field">
          지역
          <select value={regionCode} onChange={(event) => setRegionCode(event.target.value)}>
            <option value="">모든 지역</option>
            {regions.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          매장
          <select value={storeId} onChange={(event) => setStoreId(event.target.value)}>
            <option value="">모든 매장</option>
            {choices.data?.adminStores.nodes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <dl className="admin-figures" aria-label="합계">
        <div>
          <dt>매출 합계</dt>
          <dd>{formatWon(totals.gross)}</dd>
        </div>
        <div>
          <dt>수수료 (7%)</dt>
          <dd>{formatWon(totals.commission)}</dd>
        </div>
        <div>
          <dt>지급액</dt>
          <dd>{formatWon(totals.payout)}</dd>
        </div>
        <div>
          <dt>주문</dt>
          <dd>{totals.orderCount.toLocaleString('ko-KR')}건</dd>
        </div>
      </dl>
      {query.error && !rows ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !rows ? (
        <Loading />
      ) : (
        <DataTable
          label="정산 목록"
          data={rows}
          columns={COLUMNS}
          rowId={(s) => s.id}
          initialSort={[{ id: 'gross', desc: true }]}
          empty={<Empty>이 조건의 정산 내역이 없어요. 정산을 실행하면 여기에 나와요.</Empty>}
        />
      )}
      {confirming && (
        <ActionDialog
          title={`${formatMonth(month)} 정산을 실행할까요?`}
          confirmLabel="정산 실행"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await settle({ variables: { month } });
            const settled = result.data?.settleMonth ?? [];
            await query.refetch();
            toast({
              title: `${formatMonth(month)} 정산을 마쳤어요.`,
              body: `매장 ${settled.length.toLocaleString('ko-KR')}곳 · 지급액 ${formatWon(totalsOf(settled).payout)}`,
            });
            return null;
          }}
        >
          <p className="muted">
            그달에 끝난 주문을 매장별로 모아 정산해요. 이미 정산한 주문은 다시 정산하지 않아요.
          </p>
        </ActionDialog>
      )}
    </section>
  );
}
