import { type ReactNode, useState } from 'react';
import { type ProductCardData, ProductGrid } from './product-card.js';
import { Empty, ErrorNotice } from './status.js';

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The shown list followed by the next page. The cache keeps each page under its own cursor
 * (lists are not merged there), so `fetchMore` hands the joined list back to the query; a node
 * seen twice (the list changed between pages) is kept once so keys stay unique.
 */
export function appendPage<T extends { id: string }>(
  shown: Connection<T>,
  next: Connection<T>,
): Connection<T> {
  const seen = new Set(shown.nodes.map((node) => node.id));
  return { ...next, nodes: [...shown.nodes, ...next.nodes.filter((node) => !seen.has(node.id))] };
}

export interface LoadMore {
  loading: boolean;
  error: unknown;
  run: () => void;
}

/** "더 보기": runs one `fetchMore` at a time and keeps its failure to show next to the button. */
export function useLoadMore(load: () => Promise<{ error?: unknown }>): LoadMore {
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: null,
  });
  const run = () => {
    if (state.loading) return;
    setState({ loading: true, error: null });
    load().then(
      (result) => setState({ loading: false, error: result.error ?? null }),
      (error: unknown) => setState({ loading: false, error }),
    );
  };
  return { ...state, run };
}

export function MoreButton({
  pageInfo,
  shown,
  total,
  more,
}: {
  pageInfo: PageInfo;
  shown: number;
  total: number;
  more: LoadMore;
}) {
  return (
    <>
      {Boolean(more.error) && <ErrorNotice error={more.error} retry={more.run} />}
      {pageInfo.hasNextPage && (
        <button
          type="button"
          className="button secondary block browse-more"
          onClick={more.run}
          disabled={more.loading}
          aria-busy={more.loading}
        >
          {more.loading ? '불러오는 중…' : `더 보기 (${shown}/${total})`}
        </button>
      )}
    </>
  );
}

/** A product list with its empty state and "더 보기". */
export function ProductResults({
  products,
  more,
  empty,
}: {
  products: Connection<ProductCardData>;
  more: LoadMore;
  empty: ReactNode;
}) {
  if (products.nodes.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <ProductGrid products={products.nodes} />
      <MoreButton
        pageInfo={products.pageInfo}
        shown={products.nodes.length}
        total={products.totalCount}
        more={more}
      />
    </>
  );
}
