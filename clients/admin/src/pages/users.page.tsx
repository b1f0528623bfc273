import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatInstant, formatPhone } from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { PAGE_SIZE, useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import { ROLE_LABEL, USER_STATUS_LABEL, labelOf, tone } from '../ui/labels.js';
import { type AdminUser, USERS, type UsersData } from './users/users.operations.js';

const COLUMNS: ColumnDef<AdminUser>[] = [
  {
    id: 'name',
    header: '이름',
    accessorFn: (u) => u.name,
    cell: ({ row }) => <strong>{row.original.name}</strong>,
  },
  { id: 'email', header: '이메일', accessorFn: (u) => u.email ?? '' },
  {
    id: 'phone',
    header: '휴대폰',
    accessorFn: (u) => u.phone ?? '',
    cell: ({ getValue }) => {
      const phone = getValue<string>();
      return phone ? formatPhone(phone) : '—';
    },
  },
  {
    id: 'roles',
    header: '역할',
    accessorFn: (u) => u.roles.map((r) => labelOf(ROLE_LABEL, r)).join(', '),
  },
  {
    id: 'status',
    header: '상태',
    accessorFn: (u) => u.status,
    cell: ({ getValue }) => {
      const status = getValue<string>();
      return (
        <span className={`status-pill ${tone(status)}`}>{labelOf(USER_STATUS_LABEL, status)}</span>
      );
    },
  },
  {
    id: 'createdAt',
    header: '가입',
    accessorFn: (u) => u.createdAt,
    cell: ({ getValue }) => formatInstant(getValue<string>()),
  },
];

interface Filter {
  search: string;
  role: string;
  status: string;
}

/** Only what is set: the API reads an absent filter as "any". */
const toFilter = (f: Filter) => ({
  ...(f.search ? { search: f.search } : {}),
  ...(f.role ? { role: f.role } : {}),
  ...(f.status ? { status: f.status } : {}),
});

export function Page() {
  const navigate = useNavigate();
  const pages = useCursorPages();
  const [filter, setFilter] = useState<Filter>({ search: '', role: '', status: '' });
  const [typed, setTyped] = useState('');
  const query = useQuery<UsersData>(USERS, {
    variables: { filter: toFilter(filter), first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const change = (next: Partial<Filter>) => {
    setFilter((current) => ({ ...current, ...next }));
    pages.reset();
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ search: typed.trim() });
  };
  const connection = query.data?.users;

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>회원</h1>
          <p className="muted small">이메일, 이름, 휴대폰 번호로 찾고, 회원을 눌러 자세히 봐요.</p>
        </div>
      </header>
      <form className="admin-filters" onSubmit={search} role="search">
        <label className="field grow">
          검색
          <input
            type="search"
            placeholder="이메일, 이름 또는 휴대폰 번호"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <label className="field">
          역할
          <select value={filter.role} onChange={(event) => change({ role: event.target.value })}>
            <option value="">모두</option>
            {Object.entries(ROLE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          상태
          <select
            value={filter.status}
            onChange={(event) => change({ status: event.target.value })}
          >
            <option value="">모두</option>
            {Object.entries(USER_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
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
          label="회원 목록"
          data={connection.nodes}
          columns={COLUMNS}
          rowId={(u) => u.id}
          onRowClick={(u) => void navigate(`/users/${u.id}`)}
          rowClass={(u) => (u.status === 'ACTIVE' ? undefined : 'inactive')}
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={<Empty>조건에 맞는 회원이 없어요.</Empty>}
        />
      )}
    </section>
  );
}
