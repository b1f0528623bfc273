import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatInstant } from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { PAGE_SIZE, useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import { STORE_STATUS_LABEL, labelOf, tone } from '../ui/labels.js';
import { STORES, type StoreRow, type StoresData } from './stores/stores.operations.js';

const COLUMNS: ColumnDef<StoreRow>[] = [
  {
    id: 'name',
    header: '매장',
    accessorFn: (s) => s.name,
    cell: ({ row }) => <strong>{row.original.name}</strong>,
  },
  {
    id: 'region',
    header: '지역',
    accessorFn: (s) =>
      [s.address.regionName, s.address.districtName].filter(Boolean).join(' ') ||
      s.address.regionCode,
  },
  {
    id: 'status',
    header: '상태',
    accessorFn: (s) => s.status,
    cell: ({ getValue }) => {
      const status = getValue<string>();
      return (
        <span className={`status-pill ${tone(status)}`}>{labelOf(STORE_STATUS_LABEL, status)}</span>
      );
    },
  },
  {
    id: 'rating',
    header: '평점',
    accessorFn: (s) => s.rating,
    cell: ({ row }) =>
      row.original.ratingCount > 0
        ? `${row.original.rating.toFixed(1)} (${row.original.ratingCount.toLocaleString('ko-KR')})`
        : '—',
  },
  { id: 'seller', header: '판매자', accessorFn: (s) => s.seller.name },
  {
    id: 'createdAt',
    header: '개설',
    accessorFn: (s) => s.createdAt,
    cell: ({ getValue }) => formatInstant(getValue<string>()),
  },
];

interface Filter {
  name: string;
  status: string;
  sort: 'NEWEST' | 'RATING';
}

export function Page() {
  const navigate = useNavigate();
  const pages = useCursorPages();
  const [filter, setFilter] = useState<Filter>({ name: '', status: '', sort: 'NEWEST' });
  const [typed, setTyped] = useState('');
  const query = useQuery<StoresData>(STORES, {
    variables: {
      filter: {
        ...(filter.name ? { name: filter.name } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      sort: filter.sort,
      first: PAGE_SIZE,
      after: pages.after,
    },
    fetchPolicy: 'cache-and-network',
  });
  const change = (next: Partial<Filter>) => {
    setFilter((current) => ({ ...current, ...next }));
    pages.reset();
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ name: typed.trim() });
  };
  const connection = query.data?.adminStores;

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>매장</h1>
          <p className="muted small">
            정지하거나 닫은 매장도 함께 보여요. 매장을 눌러 자세히 봐요.
          </p>
        </div>
      </header>
      <form className="admin-filters" onSubmit={search} role="search">
        <label className="field grow">
          매장 이름
          <input
            type="search"
            placeholder="매장 이름의 일부"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <label className="field">
          상태
          <select
            value={filter.status}
            onChange={(event) => change({ status: event.target.value })}
          >
            <option value="">모두</option>
            {Object.entries(STORE_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          순서
          <select
            value={filter.sort}
            onChange={(event) => change({ sort: event.target.value as Filter['sort'] })}
          >
            <option value="NEWEST">최근 개설 순</option>
            <option value="RATING">평점 높은 순</option>
          </select>
        </label>
        <button type="submit" className="button">
          찾기
        </button>
      </form>
      {query.error && !connection ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !connection ? (
        <Loading />
      ) : (
        <DataTable
          label="매장 목록"
          data={connection.nodes}
          columns={COLUMNS}
          rowId={(s) => s.id}
          onRowClick={(s) => void navigate(`/stores/${s.id}`)}
          rowClass={(s) => (s.status === 'OPEN' ? undefined : 'inactive')}
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={<Empty>조건에 맞는 매장이 없어요.</Empty>}
        />
      )}
    </section>
  );
}
