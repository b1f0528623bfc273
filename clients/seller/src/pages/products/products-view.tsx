import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, useToast } from '@bloom/client-shared';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { MoreButton, appendPage } from '../../app/more-button.js';
import { Refused } from '../../app/refused.js';
import { ProductForm } from './product-form.js';
import { ProductRow } from './product-row.js';
import {
  type CatalogData,
  PRODUCT_BY_ID,
  PRODUCT_CATALOG,
  type ProductByIdData,
  STATUS_LABEL,
  type SaleStatus,
  SELLER_PRODUCTS,
  type SellerProduct,
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
  const list = useQuery<SellerProductsData, { status?: SaleStatus; after?: string }>(
    SELLER_PRODUCTS,
    {
      variables: status ? { status } : {},
      fetchPolicy: 'cache-and-network',
    },
  );
  const more = (after: string) =>
    list.fetchMore({
      variables: { after },
      updateQuery: (shown, { fetchMoreResult }) => ({
        sellerProducts: appendPage(shown.sellerProducts, fetchMoreResult.sellerProducts),
      }),
    });
  const catalog = useQuery<CatalogData>(PRODUCT_CATALOG);

  const names = new Map((catalog.data?.flowers ?? []).map((f) => [f.id, f.name.ko]));
  const flowerName = (id: number) => names.get(id) ?? '꽃';
  const categories = new Map((catalog.data?.categories ?? []).map((c) => [c.key, c.name.ko]));
  const categoryName = (key: string | null) => (key && categories.get(key)) || '기타';
  const go = (next: Record<string, string>) => setParams(next);
  const products = list.data?.sellerProducts.nodes ?? [];

  if (creating || editing) {
    const listed = editing ? (products.find((p) => p.id === editing) ?? null) : null;
    const form = (product: SellerProduct | null) => (
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
    if (editing && !listed) {
      if (list.loading) return <Loading />;
      // Not on the loaded page: a later page's product, or someone else's (refused).
      return <ProductById id={editing} render={form} />;
    }
    return form(listed);
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
      <MoreButton
        pageInfo={list.data?.sellerProducts.pageInfo}
        onMore={more}
        label="상품 더 보기"
      />
    </div>
  );
}

/** A product by id: the form when it is this store's; the refused page for anyone else's. */
function ProductById({
  id,
  render,
}: {
  id: string;
  render: (product: SellerProduct) => ReactNode;
}) {
  const { data, loading, error, refetch } = useQuery<ProductByIdData, { id: string }>(
    PRODUCT_BY_ID,
    { variables: { id }, fetchPolicy: 'network-only' },
  );
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const { product, myStore } = data;
  if (!product || !myStore || product.storeId !== myStore.id) return <Refused what="상품" />;
  return render(product);
}
