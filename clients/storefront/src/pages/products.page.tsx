import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  BROWSE_CATALOG,
  type BrowseCatalogData,
  type CatalogNames,
  FilterChips,
  type ListingFilters,
  NO_FILTERS,
  SortSelect,
  catalogNames,
  listingHref,
  productFilterOf,
  readListing,
} from '../ui/browse-filters.js';
import {
  type Connection,
  PRODUCT_PAGE,
  ProductResults,
  useMoreProducts,
} from '../ui/browse-listing.js';
import type { ProductCardData } from '../ui/product-card.js';
import { ErrorNotice, Loading } from '@bloom/client-shared';

const LISTING = gql`
  query ProductListing($filter: ProductFilter, $sort: ProductSort!, $after: String) {
    products(filter: $filter, sort: $sort, first: 20, after: $after) {
      ...ProductPage
    }
  }
  ${PRODUCT_PAGE}
`;

interface ListingData {
  products: Connection<ProductCardData>;
}

/** Budgets shoppers think in; a search may bring any other range, shown as a removable chip. */
const PRICE_RANGES = [
  { label: '3만원 이하', min: null, max: 30_000 },
  { label: '3~5만원', min: 30_000, max: 50_000 },
  { label: '5~10만원', min: 50_000, max: 100_000 },
  { label: '10만원 이상', min: 100_000, max: null },
] as const;

const isPreset = (filters: ListingFilters) =>
  PRICE_RANGES.some((r) => r.min === filters.priceMin && r.max === filters.priceMax);

export function Page() {
  const [params] = useSearchParams();
  // The URL is the one source of truth: back, share and reload show the same list.
  const filters = readListing(params);
  const catalog = useQuery<BrowseCatalogData>(BROWSE_CATALOG);
  const names = catalogNames(catalog.data);
  const href = listingHref(filters);

  return (
    <>
      <h1>{titleOf(filters, names)}</h1>
      {catalog.data && <CatalogChips filters={filters} catalog={catalog.data} />}
      <PriceChips filters={filters} />
      <FilterChips
        filters={filters}
        names={names}
        kinds={
          isPreset(filters)
            ? ['flowers', 'colors', 'keyword']
            : ['flowers', 'colors', 'price', 'keyword']
        }
        label="적용한 조건"
      />
      {/* Other filters list from the first page again, with their own "더 보기" state. */}
      <Results key={href} filters={filters} />
    </>
  );
}

function titleOf(filters: ListingFilters, names: CatalogNames): string {
  if (filters.category) return names.category(filters.category);
  const [tag, ...otherTags] = filters.tags;
  if (tag && otherTags.length === 0) return `#${names.tag(tag)}`;
  if (filters.keyword) return `‘${filters.keyword}’`;
  return '꽃 둘러보기';
}

/** Category (one at a time) and tags (all must match): links, so each choice is a URL. */
function CatalogChips({
  filters,
  catalog,
}: {
  filters: ListingFilters;
  catalog: BrowseCatalogData;
}) {
  return (
    <>
      <div className="chips browse-chip-row" role="group" aria-label="종류">
        <Link
          className={`chip${filters.category === null ? ' active' : ''}`}
          aria-current={filters.category === null ? 'true' : undefined}
          to={listingHref({ ...filters, category: null })}
        >
          전체
        </Link>
        {catalog.categories.map((c) => {
          const active = filters.category === c.key;
          return (
            <Link
              key={c.key}
              className={`chip${active ? ' active' : ''}`}
              aria-current={active ? 'true' : undefined}
              to={listingHref({ ...filters, category: active ? null : c.key })}
            >
              {c.name.ko}
            </Link>
          );
        })}
      </div>
      <div className="chips browse-chip-row" role="group" aria-label="태그">
        {catalog.tags.map((t) => {
          const active = filters.tags.includes(t.key);
          const tags = active ? filters.tags.filter((k) => k !== t.key) : [...filters.tags, t.key];
          return (
            <Link
              key={t.key}
              className={`chip${active ? ' active' : ''}`}
              aria-current={active ? 'true' : undefined}
              to={listingHref({ ...filters, tags })}
            >
              #{t.name.ko}
            </Link>
          );
        })}
      </div>
    </>
  );
}

function PriceChips({ filters }: { filters: ListingFilters }) {
  return (
    <div className="chips browse-chip-row" role="group" aria-label="가격대">
      {PRICE_RANGES.map((range) => {
        const active = range.min === filters.priceMin && range.max === filters.priceMax;
        const next = active
          ? { ...filters, priceMin: null, priceMax: null }
          : { ...filters, priceMin: range.min, priceMax: range.max };
        return (
          <Link
            key={range.label}
            className={`chip${active ? ' active' : ''}`}
            aria-current={active ? 'true' : undefined}
            to={listingHref(next)}
          >
            {range.label}
          </Link>
        );
      })}
    </div>
  );
}

function Results({ filters }: { filters: ListingFilters }) {
  const navigate = useNavigate();
  const sort = filters.sort ?? 'POPULAR';
  const { data, loading, error, refetch, fetchMore } = useQuery<ListingData>(LISTING, {
    variables: { filter: productFilterOf(filters), sort },
  });
  const more = useMoreProducts(
    data,
    fetchMore,
    (d) => d.products,
    (d, products) => ({ ...d, products }),
  );
  const filtered = listingHref({ ...filters, sort: null }) !== '/products';

  return (
    <>
      <div className="row browse-toolbar">
        <span className="muted small" role="status">
          {data ? `${data.products.totalCount}개의 꽃` : ''}
        </span>
        <SortSelect
          value={sort}
          // The order is not a new place to go back to: replace, so "back" leaves the listing.
          onChange={(next) =>
            void navigate(listingHref({ ...filters, sort: next }), { replace: true })
          }
        />
      </div>
      {loading && !data ? (
        <Loading />
      ) : !data ? (
        <ErrorNotice error={error} retry={() => void refetch()} />
      ) : (
        <ProductResults
          products={data.products}
          more={more}
          empty={
            <>
              <p>조건에 맞는 꽃이 없어요.</p>
              {filtered && (
                <Link
                  className="button secondary"
                  to={listingHref({ ...NO_FILTERS, sort: filters.sort })}
                >
                  조건 모두 지우기
                </Link>
              )}
            </>
          }
        />
      )}
    </>
  );
}
