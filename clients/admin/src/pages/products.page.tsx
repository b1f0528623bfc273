import { useMutation, useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  type TypedError,
  formatInstant,
  formatWon,
  useToast,
} from '@bloom/client-shared';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ActionDialog } from '../ui/action-dialog.js';
import { adminMessage } from '../ui/admin-messages.js';
import { PAGE_SIZE, useCursorPages } from '../ui/cursor-pages.hook.js';
import { DataTable } from '../ui/data-table.js';
import { CATEGORY_LABEL, SALE_STATUS_LABEL, labelOf, tone } from '../ui/labels.js';
import {
  DELETE_PRODUCTS,
  PRODUCTS,
  type ProductRow,
  type ProductsData,
  SET_STATUS,
  STORE_CHOICES,
  type SetStatusResult,
  type StoreChoices,
} from './products/products.operations.js';

const COLUMNS: ColumnDef<ProductRow>[] = [
  {
    id: 'name',
    header: '상품',
    accessorFn: (p) => p.name,
    cell: ({ row }) => <strong>{row.original.name}</strong>,
  },
  {
    id: 'store',
    header: '매장',
    accessorFn: (p) => p.store.name,
    cell: ({ row }) => (
      <Link to={`/stores/${row.original.store.id}`} onClick={(event) => event.stopPropagation()}>
        {row.original.store.name}
      </Link>
    ),
  },
  {
    id: 'category',
    header: '분류',
    accessorFn: (p) => (p.category ? labelOf(CATEGORY_LABEL, p.category) : '—'),
  },
  {
    id: 'price',
    header: '가격',
    accessorFn: (p) => p.price,
    cell: ({ getValue }) => formatWon(getValue<number>()),
  },
  {
    id: 'status',
    header: '상태',
    accessorFn: (p) => p.saleStatus,
    cell: ({ getValue }) => {
      const status = getValue<string>();
      return (
        <span className={`status-pill ${tone(status)}`}>{labelOf(SALE_STATUS_LABEL, status)}</span>
      );
    },
  },
  {
    id: 'sales',
    header: '판매',
    accessorFn: (p) => p.salesCount,
    cell: ({ getValue }) => `${getValue<number>().toLocaleString('ko-KR')}개`,
  },
  {
    id: 'createdAt',
    header: '등록',
    accessorFn: (p) => p.createdAt,
    cell: ({ getValue }) => formatInstant(getValue<string>()),
  },
];

interface Filter {
  keyword: string;
  storeId: string;
  category: string;
  status: string;
}

type Bulk = 'discontinue' | 'delete';

export function Page() {
  const toast = useToast();
  const pages = useCursorPages();
  const [filter, setFilter] = useState<Filter>({
    keyword: '',
    storeId: '',
    category: '',
    status: '',
  });
  const [typed, setTyped] = useState('');
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [bulk, setBulk] = useState<Bulk | null>(null);
  const query = useQuery<ProductsData>(PRODUCTS, {
    variables: {
      ...(filter.status ? { status: filter.status } : {}),
      filter: {
        ...(filter.keyword ? { keyword: filter.keyword } : {}),
        ...(filter.storeId ? { storeId: filter.storeId } : {}),
        ...(filter.category ? { category: filter.category } : {}),
      },
      sort: 'NEWEST',
      first: PAGE_SIZE,
      after: pages.after,
    },
    fetchPolicy: 'cache-and-network',
  });
  const stores = useQuery<StoreChoices>(STORE_CHOICES);
  const [setStatus] = useMutation<{ setProductStatus: SetStatusResult }>(SET_STATUS);
  const [deleteProducts] = useMutation<{ deleteProducts: { deletedIds: string[] } }>(
    DELETE_PRODUCTS,
  );

  const change = (next: Partial<Filter>) => {
    setFilter((current) => ({ ...current, ...next }));
    setSelected({});
    pages.reset();
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ keyword: typed.trim() });
  };
  const ids = Object.keys(selected).filter((id) => selected[id]);
  const connection = query.data?.adminProducts;

  const discontinue = async () => {
    const results = await Promise.all(
      ids.map(async (id) => (await setStatus({ variables: { id, status: 'DISCONTINUED' } })).data),
    );
    const outcomes = results.map((r) => r?.setProductStatus);
    const done = outcomes.filter((r) => r?.__typename === 'Product').length;
    const failed = outcomes.find((r) => r?.__typename !== 'Product') as TypedError | undefined;
    await query.refetch();
    setSelected({});
    if (done > 0) toast({ title: `${done}개 상품의 판매를 중지했어요.` });
    if (failed) {
      toast({ title: '판매를 중지하지 못한 상품이 있어요.', body: adminMessage(failed) });
    }
    return null;
  };
  const remove = async () => {
    const result = await deleteProducts({ variables: { ids } });
    const deleted = result.data?.deleteProducts.deletedIds.length ?? 0;
    await query.refetch();
    setSelected({});
    toast({ title: `${deleted}개 상품을 삭제했어요.` });
    return null;
  };

  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>상품 관리</h1>
          <p className="muted small">
            모든 매장의 상품이에요. 골라서 한꺼번에 판매를 멈추거나 삭제해요.
          </p>
        </div>
      </header>
      <form className="admin-filters" onSubmit={search} role="search">
        <label className="field grow">
          검색어
          <input
            type="search"
            placeholder="상품 이름이나 설명"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <label className="field">
          매장
          <select
            value={filter.storeId}
            onChange={(event) => change({ storeId: event.target.value })}
          >
            <option value="">모든 매장</option>
            {stores.data?.adminStores.nodes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          분류
          <select
            value={filter.category}
            onChange={(event) => change({ category: event.target.value })}
          >
            <option value="">모두</option>
            {Object.entries(CATEGORY_LABEL).map(([value, label]) => (
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
            {Object.entries(SALE_STATUS_LABEL).map(([value, label]) => (
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
      <div className="admin-bulk" aria-live="polite">
        <span>{ids.length > 0 ? `${ids.length}개 골랐어요` : '상품을 골라 주세요'}</span>
        <button
          type="button"
          className="button secondary small-button"
          disabled={ids.length === 0}
          onClick={() => setBulk('discontinue')}
        >
          판매 중지
        </button>
        <button
          type="button"
          className="button danger small-button"
          disabled={ids.length === 0}
          onClick={() => setBulk('delete')}
        >
          삭제
        </button>
      </div>
      {query.error && !connection ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : !connection ? (
        <Loading />
      ) : (
        <DataTable
          label="상품 목록"
          data={connection.nodes}
          columns={COLUMNS}
          rowId={(p) => p.id}
          selection={{ state: selected, onChange: setSelected }}
          rowClass={(p) => (p.saleStatus === 'ON_SALE' ? undefined : 'inactive')}
          server={{
            pages,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor,
            totalCount: connection.totalCount,
          }}
          empty={<Empty>조건에 맞는 상품이 없어요.</Empty>}
        />
      )}
      {bulk === 'discontinue' && (
        <ActionDialog
          title={`${ids.length}개 상품의 판매를 중지할까요?`}
          confirmLabel="판매 중지"
          onClose={() => setBulk(null)}
          onConfirm={discontinue}
        >
          <p className="muted">스토어에서 바로 내려가요. 판매자가 다시 판매할 수 있어요.</p>
        </ActionDialog>
      )}
      {bulk === 'delete' && (
        <ActionDialog
          title={`${ids.length}개 상품을 삭제할까요?`}
          confirmLabel="삭제하기"
          danger
          onClose={() => setBulk(null)}
          onConfirm={remove}
        >
          <p className="muted">
            삭제한 상품은 되돌릴 수 없어요. 이미 들어온 주문은 그대로 처리돼요.
          </p>
        </ActionDialog>
      )}
    </section>
  );
}
