import { useMutation, useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  type TypedError,
  formatInstant,
  formatPhone,
  isValidBusinessNumber,
  useToast,
} from '@bloom/client-shared';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ActionDialog } from '../ui/action-dialog.js';
import { useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import { SELLER_STATUS_LABEL, labelOf, tone } from '../ui/labels.js';
import {
  APPLICATIONS,
  APPROVE,
  type Application,
  type ApplicationsData,
  type DecisionResult,
  REJECT,
  type SellerStatus,
} from './applications/applications.operations.js';

const TABS: { status: SellerStatus; label: string }[] = [
  { status: 'PENDING', label: '심사 대기' },
  { status: 'APPROVED', label: '승인 내역' },
  { status: 'REJECTED', label: '반려 내역' },
];

/** The queue is worked oldest first; it is rarely long, so one big page. */
const QUEUE_SIZE = 100;

function BusinessNumber({ value }: { value: string }) {
  const valid = isValidBusinessNumber(value);
  return (
    <span className="admin-brn">
      <span className="mono">{value}</span>
      <span className={valid ? 'status-pill good' : 'status-pill bad'}>
        {valid ? '검증번호 맞음' : '검증번호 틀림'}
      </span>
    </span>
  );
}

type Pending = { kind: 'approve' | 'reject'; application: Application };

export function Page() {
  const toast = useToast();
  const [status, setStatus] = useState<SellerStatus>('PENDING');
  const pages = useCursorPages();
  const query = useQuery<ApplicationsData>(APPLICATIONS, {
    variables: { status, first: QUEUE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const [approve] = useMutation<{ approveSeller: DecisionResult }>(APPROVE);
  const [reject] = useMutation<{ rejectSeller: DecisionResult }>(REJECT);
  const [pending, setPending] = useState<Pending | null>(null);

  const decided = async (
    result: DecisionResult | undefined,
    done: string,
  ): Promise<TypedError | null> => {
    if (!result) return { code: 'UNEXPECTED', message: '처리하지 못했어요.' };
    // Refreshed either way: a NOT_PENDING means someone else decided it meanwhile.
    await query.refetch();
    if (result.__typename === 'User') {
      toast({ title: done });
      return null;
    }
    return result as TypedError;
  };

  const columns = useMemo<ColumnDef<Application>[]>(
    () => [
      {
        id: 'businessName',
        header: '상호',
        accessorFn: (a) => a.seller?.businessName ?? '',
        cell: ({ row }) => <strong>{row.original.seller?.businessName}</strong>,
      },
      {
        id: 'brn',
        header: '사업자등록번호',
        enableSorting: false,
        cell: ({ row }) => (
          <BusinessNumber value={row.original.seller?.businessRegistrationNumber ?? ''} />
        ),
      },
      {
        id: 'applicant',
        header: '신청인',
        accessorFn: (a) => a.name,
        cell: ({ row }) => (
          <span className="stack-tight">
            <span>{row.original.name}</span>
            <span className="muted small">
              {row.original.email}
              {row.original.phone ? ` · ${formatPhone(row.original.phone)}` : ''}
            </span>
          </span>
        ),
      },
      {
        id: 'appliedAt',
        header: '신청 시각',
        accessorFn: (a) => a.seller?.appliedAt ?? '',
        cell: ({ getValue }) => formatInstant(getValue<string>()),
      },
      ...(status === 'PENDING'
        ? [
            {
              id: 'actions',
              header: '결정',
              enableSorting: false,
              cell: ({ row }) => (
                <span className="row-actions">
                  <button
                    type="button"
                    className="button small-button"
                    onClick={() => setPending({ kind: 'approve', application: row.original })}
                  >
                    승인
                  </button>
                  <button
                    type="button"
                    className="button secondary small-button"
                    onClick={() => setPending({ kind: 'reject', application: row.original })}
                  >
                    반려
                  </button>
                </span>
              ),
            } satisfies ColumnDef<Application>,
          ]
        : [
            {
              id: 'decidedAt',
              header: '결정 시각',
              accessorFn: (a: Application) => a.seller?.decidedAt ?? '',
              cell: ({ getValue }) => {
                const at = getValue<string>();
                return at ? formatInstant(at) : '—';
              },
            } satisfies ColumnDef<Application>,
            {
              id: 'result',
              header: '결과',
              enableSorting: false,
              cell: ({ row }) => {
                const seller = row.original.seller;
                if (!seller) return null;
                return (
                  <span className="stack-tight">
                    <span className={`status-pill ${tone(seller.status)}`}>
                      {labelOf(SELLER_STATUS_LABEL, seller.status)}
                    </span>
                    {seller.rejectionReason && (
                      <span className="small">사유: {seller.rejectionReason}</span>
                    )}
                  </span>
                );
              },
            } satisfies ColumnDef<Application>,
          ]),
    ],
    [status],
  );

  const connection = query.data?.sellerApplications;
  const name = pending?.application.seller?.businessName ?? '';
  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>입점 신청</h1>
          <p className="muted small">
            오래 기다린 신청부터 보여 드려요. 새 신청은 바로 목록에 나타나요.
          </p>
        </div>
      </header>
      <div className="chips" role="tablist" aria-label="신청 상태">
        {TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="tab"
            aria-selected={tab.status === status}
            className={tab.status === status ? 'chip active' : 'chip'}
            onClick={() => {
              setStatus(tab.status);
              pages.reset();
            }}
          >
            {tab.label}
            {tab.status === status && connection ? ` ${connection.totalCount}` : ''}
          </button>
        ))}
      </div>
      {query.error && !connection ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !connection ? (
        <Loading />
      ) : (
        <DataTable
          // A new table per tab: its columns and first sort differ.
          key={status}
          label={TABS.find((t) => t.status === status)?.label ?? ''}
          data={connection.nodes}
          columns={columns}
          rowId={(a) => a.id}
          initialSort={
            status === 'PENDING'
              ? [{ id: 'appliedAt', desc: false }]
              : [{ id: 'decidedAt', desc: true }]
          }
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={
            <Empty>
              {status === 'PENDING' ? '기다리는 신청이 없어요.' : '아직 결정한 신청이 없어요.'}
            </Empty>
          }
        />
      )}
      {pending?.kind === 'approve' && (
        <ActionDialog
          title={`${name} 입점을 승인할까요?`}
          confirmLabel="승인하기"
          onClose={() => setPending(null)}
          onConfirm={async () => {
            const result = await approve({ variables: { userId: pending.application.id } });
            return decided(result.data?.approveSeller, `${name} 입점을 승인했어요.`);
          }}
        >
          <p className="muted">승인하면 신청인이 바로 매장을 열 수 있어요.</p>
        </ActionDialog>
      )}
      {pending?.kind === 'reject' && (
        <ActionDialog
          title={`${name} 입점을 반려할까요?`}
          confirmLabel="반려하기"
          danger
          reason={{
            label: '반려 사유 (신청인에게 보여요)',
            placeholder: '예: 사업자등록증의 상호와 신청한 상호가 달라요.',
          }}
          onClose={() => setPending(null)}
          onConfirm={async (reason) => {
            const result = await reject({
              variables: { userId: pending.application.id, reason },
            });
            return decided(result.data?.rejectSeller, `${name} 입점을 반려했어요.`);
          }}
        />
      )}
    </section>
  );
}
