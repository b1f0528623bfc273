import { useMutation, useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatInstant, useToast } from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ActionDialog } from '../ui/action-dialog.js';
import { PAGE_SIZE, useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import {
  API_KEYS,
  type ApiKeyRow,
  type ApiKeysData,
  REVOKE_KEY,
} from './integrators/integrators.operations.js';

const SCOPE_LABEL: Record<string, string> = {
  CATALOG_READ: '상품 조회',
  ORDERS_WRITE: '주문',
  EVENTS_READ: '이벤트 조회',
};

const STATUS_LABEL: Record<string, string> = { ACTIVE: '사용 중', REVOKED: '폐기됨' };

/** Integrators' API keys across every account: who owns which, what it may do, its last use. */
export function Page() {
  const toast = useToast();
  const pages = useCursorPages();
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? '';
  const status = params.get('status') ?? '';
  const [typed, setTyped] = useState(owner);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const query = useQuery<ApiKeysData>(API_KEYS, {
    variables: {
      filter: { ...(owner ? { ownerEmail: owner } : {}), ...(status ? { status } : {}) },
      first: PAGE_SIZE,
      after: pages.after,
    },
    fetchPolicy: 'cache-and-network',
  });
  const [revoke] = useMutation(REVOKE_KEY);
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
    change({ owner: typed.trim() });
  };

  const columns = useMemo<ColumnDef<ApiKeyRow>[]>(
    () => [
      {
        id: 'name',
        header: '키',
        accessorFn: (k) => k.name,
        cell: ({ row }) => (
          <span className="stack-tight">
            <strong>{row.original.name}</strong>
            <span className="mono muted small">{row.original.prefix}…</span>
          </span>
        ),
      },
      {
        id: 'owner',
        header: '소유자',
        accessorFn: (k) => k.owner.name,
        cell: ({ row }) => (
          <span className="stack-tight">
            <Link to={`/users/${row.original.owner.id}`}>{row.original.owner.name}</Link>
            <span className="muted small">{row.original.owner.email}</span>
          </span>
        ),
      },
      {
        id: 'scopes',
        header: '권한',
        enableSorting: false,
        accessorFn: (k) => k.scopes.map((s) => SCOPE_LABEL[s] ?? s).join(', '),
      },
      {
        id: 'lastUsedAt',
        header: '마지막 사용',
        accessorFn: (k) => k.lastUsedAt ?? '',
        cell: ({ getValue }) => {
          const at = getValue<string>();
          return at ? formatInstant(at) : '쓴 적 없음';
        },
      },
      {
        id: 'createdAt',
        header: '발급',
        accessorFn: (k) => k.createdAt,
        cell: ({ getValue }) => formatInstant(getValue<string>()),
      },
      {
        id: 'status',
        header: '상태',
        accessorFn: (k) => k.status,
        cell: ({ row }) =>
          row.original.status === 'ACTIVE' ? (
            <button
              type="button"
              className="button secondary danger small-button"
              onClick={() => setRevoking(row.original)}
            >
              폐기
            </button>
          ) : (
            <span className="status-pill bad">
              {STATUS_LABEL[row.original.status] ?? row.original.status}
            </span>
          ),
      },
    ],
    [],
  );
  const connection = query.data?.platformApiKeys;

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>연동 API 키</h1>
          <p className="muted small">모든 회원의 API 키예요. 의심스러운 키는 바로 폐기해요.</p>
        </div>
      </header>
      <form className="admin-filters" onSubmit={search} role="search">
        <label className="field grow">
          소유자 이메일
          <input
            type="search"
            placeholder="이메일의 일부"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <label className="field">
          상태
          <select value={status} onChange={(event) => change({ status: event.target.value })}>
            <option value="">모두</option>
            {Object.entries(STATUS_LABEL).map(([value, label]) => (
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
          label="API 키 목록"
          data={connection.nodes}
          columns={columns}
          rowId={(k) => k.id}
          rowClass={(k) => (k.status === 'ACTIVE' ? undefined : 'inactive')}
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={<Empty>조건에 맞는 API 키가 없어요.</Empty>}
        />
      )}
      {revoking && (
        <ActionDialog
          title={`${revoking.owner.name} 님의 "${revoking.name}" 키를 폐기할까요?`}
          confirmLabel="폐기하기"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revoke({ variables: { id: revoking.id } });
            await query.refetch();
            toast({ title: `"${revoking.name}" 키를 폐기했어요.` });
            return null;
          }}
        >
          <p className="muted">폐기하면 이 키로 오는 요청은 바로 거절돼요. 되돌릴 수 없어요.</p>
        </ActionDialog>
      )}
    </section>
  );
}
