import { useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  formatInstant,
  formatWon,
  problemText,
} from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PAGE_SIZE, useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import { ORDER_STATUS_LABEL, labelOf, tone } from '../ui/labels.js';
import { ORDERS, type OrderRow, type OrdersData } from './orders/orders.operations.js';

const COLUMNS: ColumnDef<OrderRow>[] = [
  {
    id: 'number',
    header: '주문번호',
    accessorFn: (o) => o.number,
    cell: ({ getValue }) => <strong className="mono">{getValue<string>()}</strong>,
  },
  { id: 'store', header: '매장', accessorFn: (o) => o.store.name },
  {
    id: 'fulfilment',
    header: '받는 방법',
    accessorFn: (o) => (o.fulfilment === 'PICKUP' ? '픽업' : '배송'),
  },
  {
    id: 'status',
    header: '상태',
    accessorFn: (o) => o.status,
    cell: ({ row }) => (
      <span className="stack-tight">
        <span className={`status-pill ${tone(row.original.status)}`}>
          {labelOf(ORDER_STATUS_LABEL, row.original.status)}
        </span>
        {row.original.failure && (
          <span className="small text-bad">{problemText(row.original.failure)}</span>
        )}
      </span>
    ),
  },
  {
    id: 'total',
    header: '금액',
    accessorFn: (o) => o.total,
    cell: ({ getValue }) => formatWon(getValue<number>()),
  },
  {
    id: 'placedAt',
    header: '주문 시각',
    accessorFn: (o) => o.placedAt,
    cell: ({ getValue }) => formatInstant(getValue<string>()),
  },
];

/**
 * Orders across the platform: by number (exact), by customer or store (from their pages, in the
 * URL), by status, or only those that need staff (failed, or past their deadline).
 */
export function Page() {
  const navigate = useNavigate();
  const pages = useCursorPages();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get('number') ?? '');
  const number = params.get('number') ?? '';
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === '1';
  const customerId = params.get('customerId') ?? '';
  const storeId = params.get('storeId') ?? '';
  const query = useQuery<OrdersData>(ORDERS, {
    variables: {
      filter: {
        ...(number ? { number } : {}),
        ...(status ? { status } : {}),
        ...(overdue ? { overdue: true } : {}),
        ...(customerId ? { customerId } : {}),
        ...(storeId ? { storeId } : {}),
      },
      first: PAGE_SIZE,
      after: pages.after,
    },
    fetchPolicy: 'cache-and-network',
  });
  const change = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
    pages.reset();
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ number: typed.trim() });
  };
  const connection = query.data?.adminOrders;

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>주문</h1>
          <p className="muted small">
            주문번호로 찾거나, 실패했거나 기한이 지나도 끝나지 않은 주문만 모아 봐요.
          </p>
        </div>
      </header>
      <form className="admin-filters" onSubmit={search} role="search">
        <label className="field grow">
          주문번호
          <input
            type="search"
            placeholder="주문번호 전체"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <label className="field">
          상태
          <select value={status} onChange={(event) => change({ status: event.target.value })}>
            <option value="">모두</option>
            {Object.entries(ORDER_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-toggle">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(event) => change({ overdue: event.target.checked ? '1' : '' })}
          />
          확인이 필요한 주문만
        </label>
        <button type="submit" className="button">
          찾기
        </button>
      </form>
      {(customerId || storeId) && (
        <p className="notice">
          {customerId ? '한 고객의 주문만 보고 있어요.' : '한 매장의 주문만 보고 있어요.'}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => change({ customerId: '', storeId: '' })}
          >
            모든 주문 보기
          </button>
        </p>
      )}
      {query.error && !connection ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !connection ? (
        <Loading />
      ) : (
        <DataTable
          label="주문 목록"
          data={connection.nodes}
          columns={COLUMNS}
          rowId={(o) => o.id}
          onRowClick={(o) => void navigate(`/orders/${o.id}`)}
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={<Empty>조건에 맞는 주문이 없어요.</Empty>}
        />
      )}
    </section>
  );
}
