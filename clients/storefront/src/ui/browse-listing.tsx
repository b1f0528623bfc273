import { gql } from '@apollo/client';
import { type ReactNode, useState } from 'react';
import { PRODUCT_CARD, type ProductCardData, ProductGrid } from './product-card.js';
import { Empty, ErrorNotice } from '@bloom/client-shared';

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Spread into a `ProductConnection` field: one page of product cards, for `<ProductResults>`. */
export const PRODUCT_PAGE = gql`
  fragment ProductPage on ProductConnection {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      ...ProductCard
    }
  }
  ${PRODUCT_CARD}
`;

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

/** A query's `fetchMore`, as `useMoreProducts` calls it. */
type FetchMore<D> = (options: {
  variables: { after: string | null };
  updateQuery: (shown: D, more: { fetchMoreResult: D }) => D;
}) => Promise<{ error?: unknown }>;

/**
 * "더 보기" for a product list read with `fetchMore`: asks for the page after the shown one and
 * appends it. `productsOf` finds the list in the query's data, `withProducts` puts it back.
 */
export function useMoreProducts<D>(
  data: D | undefined,
  fetchMore: FetchMore<D>,
  productsOf: (data: D) => Connection<ProductCardData>,
  withProducts: (data: D, products: Connection<ProductCardData>) => D,
): LoadMore {
  return useLoadMore(() =>
    fetchMore({
      variables: { after: data ? productsOf(data).pageInfo.endCursor : null },
      updateQuery: (shown, { fetchMoreResult }) =>
        withProducts(shown, appendPage(productsOf(shown), productsOf(fetchMoreResult))),
    }),
  );
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

/**
 * Lists read one query per page (orders, notices): the cache keeps each page under its own
 * cursor (no merging), a refetch by query name refreshes every page shown, and "더 보기" adds
 * the next cursor. Only the last page may ask for more (`onMore` is null on the others).
 */
export function useCursorPages(): {
  after: string | null;
  onMore: ((cursor: string) => void) | null;
}[] {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const more = (cursor: string) => setCursors((c) => [...c, cursor]);
  return cursors.map((after, index) => ({
    after,
    onMore: index === cursors.length - 1 ? more : null,
  }));
}

/** The "더 보기" of `useCursorPages`, under the last page while there is a next one. */
export function NextPageButton({
  pageInfo,
  onMore,
  listItem = false,
}: {
  pageInfo: PageInfo;
  onMore: ((cursor: string) => void) | null;
  /** Inside a `<ul>`: the button comes in an `<li>`. */
  listItem?: boolean;
}) {
  const cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  if (!onMore || !cursor) return null;
  const button = (
    <button type="button" className="button secondary block" onClick={() => onMore(cursor)}>
      더 보기
    </button>
  );
  return listItem ? <li>{button}</li> : button;
}
