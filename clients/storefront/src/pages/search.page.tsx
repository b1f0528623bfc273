import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  BROWSE_CATALOG,
  type BrowseCatalogData,
  type CatalogNames,
  type CategoryKey,
  FilterChips,
  type FlowerColor,
  type ListingFilters,
  OCCASION_LABELS,
  type ProductSort,
  SortSelect,
  type TagKey,
  catalogNames,
  listingHref,
} from '../ui/browse-filters.js';
import {
  type Connection,
  PRODUCT_PAGE,
  ProductResults,
  useMoreProducts,
} from '../ui/browse-listing.js';
import type { ProductCardData } from '../ui/product-card.js';
import { ErrorNotice, Loading } from '@bloom/client-shared';

/** The API refuses longer queries; saying so beats an error page. */
const MAX_QUERY_LENGTH = 200;

const EXAMPLES = [
  '친구 생일 5만원 이하 꽃다발',
  '부모님께 감사 카네이션 바구니',
  '개업 축하 화환 10만원 이하',
  '사랑을 전하는 빨간 장미',
  'white flowers for a funeral',
];

const SEARCH = gql`
  query SearchProducts($query: String!, $after: String) {
    searchProducts(query: $query, first: 20, after: $after) {
      interpretation {
        category
        tags
        flowerIds
        colors
        priceMin
        priceMax
        sort
        occasion
        keywords
        source
      }
      products {
        ...ProductPage
      }
    }
  }
  ${PRODUCT_PAGE}
`;

interface Interpretation {
  category: CategoryKey | null;
  tags: TagKey[];
  flowerIds: number[];
  colors: FlowerColor[];
  priceMin: number | null;
  priceMax: number | null;
  sort: ProductSort | null;
  occasion: string | null;
  keywords: string[];
  source: 'AI' | 'OFFLINE';
}

interface SearchData {
  searchProducts: {
    interpretation: Interpretation;
    products: Connection<ProductCardData>;
  };
}

/** What was understood, as listing filters: the same list can then be edited on `/products`. */
const filtersOf = (i: Interpretation): ListingFilters => ({
  category: i.category,
  tags: i.tags,
  flowerIds: i.flowerIds,
  colors: i.colors,
  priceMin: i.priceMin,
  priceMax: i.priceMax,
  keyword: i.keywords.length > 0 ? i.keywords.join(' ') : null,
  sort: i.sort,
});

export function Page() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  if (!query) return <SearchPrompt />;
  if (query.length > MAX_QUERY_LENGTH) {
    return (
      <>
        <h1>검색</h1>
        <p className="notice error" role="alert">
          검색어는 {MAX_QUERY_LENGTH}자까지 입력할 수 있어요. 조금 짧게 적어 주세요.
        </p>
      </>
    );
  }
  // A new query starts over: its own paging state.
  return <SearchResults key={query} query={query} />;
}

function SearchPrompt() {
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">어떤 꽃을 찾으세요?</h1>
      <p className="muted">
        누구에게, 어떤 날, 얼마쯤인지 말하듯 적어 주세요. 꽃말로도 찾아 드려요.
      </p>
      <ul className="browse-examples" aria-label="검색 예시">
        {EXAMPLES.map((example) => (
          <li key={example}>
            <Link className="chip" to={`/search?q=${encodeURIComponent(example)}`}>
              {example}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SearchResults({ query }: { query: string }) {
  const navigate = useNavigate();
  const { data, loading, error, refetch, fetchMore } = useQuery<SearchData>(SEARCH, {
    variables: { query },
  });
  const catalog = useQuery<BrowseCatalogData>(BROWSE_CATALOG);
  const names = catalogNames(catalog.data);
  const more = useMoreProducts(
    data,
    fetchMore,
    (d) => d.searchProducts.products,
    (d, products) => ({ searchProducts: { ...d.searchProducts, products } }),
  );

  const heading = <h1 className="browse-query">“{query}”</h1>;
  if (loading && !data) {
    return (
      <>
        {heading}
        <Loading label="검색어를 이해하는 중…" />
      </>
    );
  }
  if (!data) {
    return (
      <>
        {heading}
        <ErrorNotice error={error} retry={() => void refetch()} />
      </>
    );
  }
  const { interpretation, products } = data.searchProducts;
  const filters = filtersOf(interpretation);
  return (
    <>
      {heading}
      <Understood interpretation={interpretation} filters={filters} names={names} />
      <div className="row browse-toolbar">
        <span className="muted small" role="status">
          {products.totalCount}개의 꽃
        </span>
        <SortSelect
          value={interpretation.sort ?? 'POPULAR'}
          // Another order is a listing of the same filters, which the shopper can keep editing.
          onChange={(sort) => void navigate(listingHref({ ...filters, sort }))}
        />
      </div>
      <ProductResults
        products={products}
        more={more}
        empty={
          <>
            <p>조건에 맞는 꽃이 없어요.</p>
            <p className="small">위의 조건을 하나씩 빼 보거나, 다른 말로 검색해 보세요.</p>
            <Link className="button secondary" to="/products">
              모든 꽃 보기
            </Link>
          </>
        }
      />
    </>
  );
}

/** The filters the search understood, each removable, so a misunderstanding is one tap away. */
function Understood({
  interpretation,
  filters,
  names,
}: {
  interpretation: Interpretation;
  filters: ListingFilters;
  names: CatalogNames;
}) {
  const occasion = interpretation.occasion
    ? (OCCASION_LABELS[interpretation.occasion] ?? null)
    : null;
  const understoodAny =
    listingHref({ ...filters, keyword: null }) !== '/products' || occasion !== null;
  return (
    <section className="card browse-understood" aria-labelledby="understood-title">
      <div className="row">
        <h2 id="understood-title">이렇게 찾았어요</h2>
        <span
          className="status-pill"
          title={interpretation.source === 'AI' ? 'AI가 검색어를 해석했어요' : undefined}
        >
          {interpretation.source === 'AI' ? 'AI 해석' : '기본 해석'}
        </span>
      </div>
      {occasion && <p className="browse-occasion">{occasion}에 어울리는 꽃을 찾으시는군요.</p>}
      {!understoodAny && (
        <p className="small muted">
          조건을 알아듣지 못해 상품 이름으로 찾았어요. “생일”, “5만원 이하”처럼 적어 보세요.
        </p>
      )}
      <FilterChips
        filters={filters}
        names={names}
        kinds={['category', 'tags', 'flowers', 'colors', 'price', 'keyword', 'sort']}
        label="이해한 조건"
      />
      <div className="row browse-understood-foot">
        <span className="muted small">조건을 누르면 빼고 다시 찾아요.</span>
        <Link className="small browse-link" to={listingHref(filters)}>
          조건 직접 고르기
        </Link>
      </div>
    </section>
  );
}
