import { gql } from '@apollo/client';
import { Link } from 'react-router';
import { formatWon } from '@bloom/client-shared';

/*
 * The structured listing filters, as `/products?…` URL parameters. A search's interpretation is
 * turned into them, so every understood filter can be removed or changed and the list re-runs as
 * a plain listing the shopper can share or go back to.
 */

// The schema's enums: URL values outside them would fail the whole query, so they are dropped.
export const CATEGORY_KEYS = ['BOUQUET', 'BASKET', 'BOX', 'WREATH'] as const;
export const TAG_KEYS = [
  'FOR_LOVER',
  'FOR_FRIEND',
  'AIR_PURIFYING',
  'OPENING',
  'PROMOTION',
  'WEDDING',
  'FUNERAL',
] as const;
export const FLOWER_COLORS = [
  'RED',
  'WHITE',
  'YELLOW',
  'PINK',
  'PURPLE',
  'BLUE',
  'ORANGE',
] as const;
export const PRODUCT_SORTS = [
  'POPULAR',
  'NEWEST',
  'OLDEST',
  'PRICE_ASC',
  'PRICE_DESC',
  'MOST_REVIEWED',
  'BEST_RATED',
] as const;

export type CategoryKey = (typeof CATEGORY_KEYS)[number];
export type TagKey = (typeof TAG_KEYS)[number];
export type FlowerColor = (typeof FLOWER_COLORS)[number];
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const SORT_LABELS: Record<ProductSort, string> = {
  POPULAR: '인기순',
  NEWEST: '최신순',
  OLDEST: '오래된순',
  PRICE_ASC: '낮은 가격순',
  PRICE_DESC: '높은 가격순',
  MOST_REVIEWED: '리뷰 많은순',
  BEST_RATED: '평점순',
};

export const COLOR_LABELS: Record<FlowerColor, string> = {
  RED: '빨간색',
  WHITE: '흰색',
  YELLOW: '노란색',
  PINK: '분홍색',
  PURPLE: '보라색',
  BLUE: '파란색',
  ORANGE: '주황색',
};

export const OCCASION_LABELS: Record<string, string> = {
  BIRTHDAY: '생일',
  ANNIVERSARY: '기념일',
  WEDDING: '결혼',
  FUNERAL: '조문·추모',
  OPENING: '개업',
  PROMOTION: '승진·취임',
  PROPOSAL: '프러포즈',
  VALENTINE: '밸런타인데이',
  PARENTS_DAY: '어버이날',
  TEACHERS_DAY: '스승의 날',
  GRADUATION: '졸업',
  HOUSEWARMING: '집들이',
  GET_WELL: '쾌유 기원',
  APOLOGY: '사과',
  CONGRATULATIONS: '축하',
};

export interface ListingFilters {
  category: CategoryKey | null;
  /** Products carry every one of them. */
  tags: TagKey[];
  /** Products contain any of them. */
  flowerIds: number[];
  colors: FlowerColor[];
  priceMin: number | null;
  priceMax: number | null;
  /** Words matched against names and summaries. */
  keyword: string | null;
  /** Null: the listing's default (popular first). */
  sort: ProductSort | null;
}

export const NO_FILTERS: ListingFilters = {
  category: null,
  tags: [],
  flowerIds: [],
  colors: [],
  priceMin: null,
  priceMax: null,
  keyword: null,
  sort: null,
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const allOf = <T extends string>(values: readonly T[], given: string[]): T[] => [
  ...new Set(given.map((v) => oneOf(values, v)).filter((v): v is T => v !== null)),
];

const won = (value: string | null): number | null => {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
};

/** The filters of a `/products` URL; unknown values are ignored rather than failing the page. */
export function readListing(params: URLSearchParams): ListingFilters {
  const flowerIds = params
    .getAll('flower')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  return {
    category: oneOf(CATEGORY_KEYS, params.get('category')),
    tags: allOf(TAG_KEYS, params.getAll('tag')),
    flowerIds: [...new Set(flowerIds)],
    colors: allOf(FLOWER_COLORS, params.getAll('color')),
    priceMin: won(params.get('priceMin')),
    priceMax: won(params.get('priceMax')),
    keyword: params.get('keyword')?.trim() || null,
    sort: oneOf(PRODUCT_SORTS, params.get('sort')),
  };
}

export function listingHref(filters: ListingFilters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  for (const tag of filters.tags) params.append('tag', tag);
  for (const id of filters.flowerIds) params.append('flower', String(id));
  for (const color of filters.colors) params.append('color', color);
  if (filters.priceMin !== null) params.set('priceMin', String(filters.priceMin));
  if (filters.priceMax !== null) params.set('priceMax', String(filters.priceMax));
  if (filters.keyword) params.set('keyword', filters.keyword);
  if (filters.sort) params.set('sort', filters.sort);
  const query = params.toString();
  return query ? `/products?${query}` : '/products';
}

/** The `ProductFilter` input: only what is set, so an empty listing lists everything. */
export function productFilterOf(filters: ListingFilters) {
  return {
    ...(filters.category && { category: filters.category }),
    ...(filters.tags.length > 0 && { tags: filters.tags }),
    ...(filters.flowerIds.length > 0 && { flowerIds: filters.flowerIds }),
    ...(filters.colors.length > 0 && { colors: filters.colors }),
    ...(filters.priceMin !== null && { priceMin: filters.priceMin }),
    ...(filters.priceMax !== null && { priceMax: filters.priceMax }),
    ...(filters.keyword && { keyword: filters.keyword }),
  };
}

/** 50000 → "5만원", 99999 → "99,999원": round amounts read the way shoppers say them. */
export function shortWon(amount: number): string {
  return amount >= 10_000 && amount % 10_000 === 0
    ? `${new Intl.NumberFormat('ko-KR').format(amount / 10_000)}만원`
    : formatWon(amount);
}

export function priceLabel(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `${shortWon(min)} ~ ${shortWon(max)}`;
  if (max !== null) return `${shortWon(max)} 이하`;
  if (min !== null) return `${shortWon(min)} 이상`;
  return null;
}

/** Korean names of categories, tags and flowers, to label filters given as keys and ids. */
export const BROWSE_CATALOG = gql`
  query BrowseCatalog {
    categories {
      key
      name {
        ko
      }
    }
    tags {
      key
      name {
        ko
      }
    }
    flowers {
      id
      name {
        ko
      }
      language {
        ko
      }
    }
  }
`;

export interface BrowseCatalogData {
  categories: { key: CategoryKey; name: { ko: string } }[];
  tags: { key: TagKey; name: { ko: string } }[];
  flowers: { id: number; name: { ko: string }; language: { ko: string } }[];
}

/** Names for keys; falls back to the key itself while the catalogue loads (or if it failed). */
export function catalogNames(catalog: BrowseCatalogData | undefined) {
  const category = new Map(catalog?.categories.map((c) => [c.key, c.name.ko]));
  const tag = new Map(catalog?.tags.map((t) => [t.key, t.name.ko]));
  const flower = new Map(catalog?.flowers.map((f) => [f.id, f.name.ko]));
  return {
    category: (key: CategoryKey) => category.get(key) ?? key,
    tag: (key: TagKey) => tag.get(key) ?? key,
    flower: (id: number) => flower.get(id) ?? `꽃 #${id}`,
  };
}

export type CatalogNames = ReturnType<typeof catalogNames>;

export type ChipKind = 'category' | 'tags' | 'flowers' | 'colors' | 'price' | 'keyword' | 'sort';

interface FilterChip {
  key: string;
  label: string;
  /** The same filters without this one. */
  without: ListingFilters;
}

function chipsOf(filters: ListingFilters, names: CatalogNames, kinds: ChipKind[]): FilterChip[] {
  const chips: FilterChip[] = [];
  const show = (kind: ChipKind) => kinds.includes(kind);
  if (show('category') && filters.category) {
    chips.push({
      key: 'category',
      label: names.category(filters.category),
      without: { ...filters, category: null },
    });
  }
  if (show('tags')) {
    for (const tag of filters.tags) {
      chips.push({
        key: `tag-${tag}`,
        label: `#${names.tag(tag)}`,
        without: { ...filters, tags: filters.tags.filter((t) => t !== tag) },
      });
    }
  }
  if (show('flowers')) {
    for (const id of filters.flowerIds) {
      chips.push({
        key: `flower-${id}`,
        label: `꽃: ${names.flower(id)}`,
        without: { ...filters, flowerIds: filters.flowerIds.filter((f) => f !== id) },
      });
    }
  }
  if (show('colors')) {
    for (const color of filters.colors) {
      chips.push({
        key: `color-${color}`,
        label: COLOR_LABELS[color],
        without: { ...filters, colors: filters.colors.filter((c) => c !== color) },
      });
    }
  }
  const price = priceLabel(filters.priceMin, filters.priceMax);
  if (show('price') && price) {
    chips.push({
      key: 'price',
      label: price,
      without: { ...filters, priceMin: null, priceMax: null },
    });
  }
  if (show('keyword') && filters.keyword) {
    chips.push({
      key: 'keyword',
      label: `‘${filters.keyword}’ 포함`,
      without: { ...filters, keyword: null },
    });
  }
  if (show('sort') && filters.sort) {
    chips.push({
      key: 'sort',
      label: SORT_LABELS[filters.sort],
      without: { ...filters, sort: null },
    });
  }
  return chips;
}

/**
 * The active filters as chips; tapping one lists again without it (a link, so the back button
 * brings the filter back).
 */
export function FilterChips({
  filters,
  names,
  kinds,
  label,
}: {
  filters: ListingFilters;
  names: CatalogNames;
  kinds: ChipKind[];
  label: string;
}) {
  const chips = chipsOf(filters, names, kinds);
  if (chips.length === 0) return null;
  return (
    <ul className="browse-filter-chips" aria-label={label}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <Link
            className="chip active browse-removable"
            to={listingHref(chip.without)}
            aria-label={`${chip.label} 조건 빼기`}
          >
            {chip.label}
            <span aria-hidden className="browse-remove">
              ×
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A labelled native select: on a phone it opens the system picker, easy to reach. */
export function SortSelect({
  value,
  onChange,
}: {
  value: ProductSort;
  onChange: (sort: ProductSort) => void;
}) {
  return (
    <label className="browse-sort">
      <span className="muted small">정렬</span>
      <select
        value={value}
        onChange={(event) => onChange(oneOf(PRODUCT_SORTS, event.target.value) ?? 'POPULAR')}
      >
        {PRODUCT_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </label>
  );
}
