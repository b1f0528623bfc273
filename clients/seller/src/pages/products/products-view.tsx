import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, useToast } from '@bloom/client-shared';
import { useSearchParams } from 'react-router';
import { ProductForm } from './product-form.js';
import { ProductRow } from './product-row.js';
import {
  type CatalogData,
  PRODUCT_CATALOG,
  STATUS_LABEL,
  type SaleStatus,
  SELLER_PRODUCTS,
  type SellerProductsData,
} from './products.operations.js';
import './products.css';

const FILTERS = ['ON_SALE', 'SOLD_OUT', 'DISCONTINUED'] as const satisfies readonly SaleStatus[];

/** The seller's products; `?edit=<id>` or `?new` opens the form (so the back button closes it). */
export function ProductsView() {
  const [params, setParams] = useSearchParams();
  const status = FILTERS.find((s) => s === params.get('status'));
  const editing = params.get('edit');
  const creating = params.has('new');
  const toast = useToast();
  const list = useQuery<SellerProductsData, { status?: SaleStatus }>(SELLER_PRODUCTS, {
    variables: status ? { status } : {},
    fetchPolicy: 'cache-and-network',
  });
  const catalog = useQuery<CatalogData>(PRODUCT_CATALOG);

  const names = new Map((catalog.data?.flowers ?? []).map((f) => [f.id, f.name.ko]));
  const flowerName = (id: number) => names.get(id) ?? '꽃';
  const categories = new Map((catalog.data?.categories ?? []).map((c) => [c.key, c.name.ko]));
  const categoryName = (key: string | null) => (key && categories.get(key)) || '기타';
  const go = (next: Record<string, string>) => setParams(next);
  const products = list.data?.sellerProducts.nodes ?? [];

  if (creating || editing) {
    const product = editing ? (products.find((p) => p.id === editing) ?? null) : null;
    if (editing && !product) {
      if (list.loading) return <Loading />;
      return (
        <Empty>
          <p>상품을 찾을 수 없어요.</p>
          <button type="button" className="button" onClick={() => go({})}>
            목록으로
          </button>
        </Empty>
      );
    }
    return (
      <ProductForm
        key={editing ?? 'new'}
        product={product}
        onCancel={() => go(status ? { status } : {})}
        onSaved={(saved, created) => {
          toast({
            title: created
              ? `‘${saved.name}’을(를) 등록했어요.`
              : `‘${saved.name}’을(를) 고쳤어요.`,
          });
          go(status ? { status } : {});
        }}
      />
    );
  }

  return (
    <div className="prd stack">
      <header className="prd-head">
        <h1>상품</h1>
        <button type="button" className="button" onClick={() => go({ new: '' })}>
          새 상품 등록
        </button>
      </header>
      <div className="chips" role="group" aria-label="판매 상태로 보기">
        <button
          type="button"
          className={status ? 'chip' : 'chip active'}
          aria-pressed={!status}
          onClick={() => go({})}
        >
          전체
        </button>
        {FILTERS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            className={status === s ? 'chip active' : 'chip'}
            onClick={() => go({ status: s })}
          >
            {STATUS_LABEL[s]}
          </button>
        ))}
      </div>
      {list.loading && !list.data && <Loading />}
      {list.error && !list.data && (
        <ErrorNotice error={list.error} retry={() => void list.refetch()} />
      )}
      {list.data && products.length === 0 && (
        <Empty>
          {status
            ? `${STATUS_LABEL[status]}인 상품이 없어요.`
            : '아직 등록한 상품이 없어요. 첫 상품을 등록해 보세요.'}
        </Empty>
      )}
      <ul className="prd-list">
        {products.map((product) => (
          <ProductRow
            key={product.id}
            product={product}
            flowerName={flowerName}
            categoryName={categoryName}
            onEdit={() => go({ edit: product.id })}
            onDeleted={(name) => toast({ title: `‘${name}’을(를) 삭제했어요.` })}
          />
        ))}
      </ul>
    </div>
  );
}
