import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatInstant } from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { PAGE_SIZE, useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import { AUDIT_ACTION_LABEL, AUDIT_TARGET_LABEL, labelOf } from '../ui/labels.js';
import { AUDIT_LOG, type AuditEntry, type AuditLogData } from './audit/audit.operations.js';

/** Where a target is looked at in the console, if it has a page. */
const targetPath = (entry: AuditEntry): string | null => {
  switch (entry.targetKind) {
    case 'USER':
      return `/users/${entry.targetId}`;
    case 'STORE':
      return `/stores/${entry.targetId}`;
    case 'ORDER':
      return `/orders/${entry.targetId}`;
    default:
      return null;
  }
};

const COLUMNS: ColumnDef<AuditEntry>[] = [
  {
    id: 'at',
    header: '시각',
    accessorFn: (e) => e.at,
    cell: ({ getValue }) => formatInstant(getValue<string>()),
  },
  { id: 'actor', header: '운영자', accessorFn: (e) => e.actor.name },
  {
    id: 'action',
    header: '한 일',
    accessorFn: (e) => labelOf(AUDIT_ACTION_LABEL, e.action),
    cell: ({ getValue }) => <strong>{getValue<string>()}</strong>,
  },
  {
    id: 'target',
    header: '대상',
    accessorFn: (e) => e.targetLabel,
    cell: ({ row }) => {
      const path = targetPath(row.original);
      const label = `${labelOf(AUDIT_TARGET_LABEL, row.original.targetKind)} · ${row.original.targetLabel}`;
      return path ? <Link to={path}>{label}</Link> : label;
    },
  },
  {
    id: 'reason',
    header: '사유',
    enableSorting: false,
    accessorFn: (e) => e.reason ?? '',
    cell: ({ getValue }) => getValue<string>() || '—',
  },
];

/** A `YYYY-MM-DD` Seoul day's start (or the next day's start, for "to") as an instant. */
const dayStart = (day: string, next = false): string => {
  const start = new Date(`${day}T00:00:00+09:00`);
  return new Date(start.getTime() + (next ? 86_400_000 : 0)).toISOString();
};

/**
 * Every admin action, newest first, filterable; new entries (this admin's or another's) arrive
 * live: the layout refreshes this query on `auditEntryAdded`.
 */
export function Page() {
  const pages = useCursorPages();
  const [action, setAction] = useState('');
  const [targetKind, setTargetKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = useQuery<AuditLogData>(AUDIT_LOG, {
    variables: {
      filter: {
        ...(action ? { action } : {}),
        ...(targetKind ? { targetKind } : {}),
        ...(from ? { from: dayStart(from) } : {}),
        ...(to ? { to: dayStart(to, true) } : {}),
      },
      first: PAGE_SIZE,
      after: pages.after,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = query.data?.auditLog;
  const set = (apply: (value: string) => void) => (value: string) => {
    apply(value);
    pages.reset();
  };

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>감사 기록</h1>
          <p className="muted small">
            운영자가 한 모든 일을 최근 것부터 보여 드려요. 새 기록은 바로 나타나요.
          </p>
        </div>
      </header>
      <div className="admin-filters">
        <label className="field">
          한 일
          <select value={action} onChange={(event) => set(setAction)(event.target.value)}>
            <option value="">모두</option>
            {Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          대상
          <select value={targetKind} onChange={(event) => set(setTargetKind)(event.target.value)}>
            <option value="">모두</option>
            {Object.entries(AUDIT_TARGET_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          시작일
          <input type="date" value={from} onChange={(event) => set(setFrom)(event.target.value)} />
        </label>
        <label className="field">
          종료일
          <input type="date" value={to} onChange={(event) => set(setTo)(event.target.value)} />
        </label>
      </div>
      {query.error && !connection ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !connection ? (
        <Loading />
      ) : (
        <DataTable
          label="감사 기록"
          data={connection.nodes}
          columns={COLUMNS}
          rowId={(e) => e.id}
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={<Empty>조건에 맞는 기록이 없어요.</Empty>}
        />
      )}
    </section>
  );
}
