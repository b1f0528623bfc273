import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  PRODUCT_CARD,
  ProductCard,
  type ProductCardData,
  ProductGrid,
} from '../ui/product-card.js';
import { ErrorNotice, Icon } from '@bloom/client-shared';
import { HomeSkeleton } from './home/home-skeleton.js';
import { ScrollRow } from './home/scroll-row.js';
import { SeasonalBanner, type SeasonalPickData } from './home/seasonal-banner.js';

const HOME = gql`
  query Home {
    homeSections(size: 6) {
      bestSellers {
        ...ProductCard
      }
      bestRated {
        ...ProductCard
      }
      newArrivals {
        ...ProductCard
      }
      seasonal {
        month
        season
        title
        flowers {
          id
          name {
            ko
          }
          language {
            ko
          }
          colors
        }
        products {
          ...ProductCard
        }
      }
      collections {
        tag
        title
        subtitle
        products {
          ...ProductCard
        }
      }
    }
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
  }
  ${PRODUCT_CARD}
`;

interface HomeData {
  homeSections: Record<'bestSellers' | 'newArrivals' | 'bestRated', ProductCardData[]> & {
    seasonal: SeasonalPickData & { products: ProductCardData[] };
    collections: { tag: string; title: string; subtitle: string; products: ProductCardData[] }[];
  };
  categories: { key: string; name: { ko: string } }[];
  tags: { key: string; name: { ko: string } }[];
}

/** The server never repeats a product across these and sends empty lists to be hidden. */
const GRIDS = [
  ['bestSellers', '많이 찾는 꽃'],
  ['bestRated', '평점 높은 꽃'],
  ['newArrivals', '새로 들어온 꽃'],
] as const;

/** Cards in a sideways row: the next one peeks in, so the row reads as scrollable. */
function ProductRow({ label, products }: { label: string; products: ProductCardData[] }) {
  return (
    <ScrollRow label={label} className="home-product-row">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ScrollRow>
  );
}

export function Page() {
  const { data, loading, error, refetch } = useQuery<HomeData>(HOME);
  if (loading && !data) return <HomeSkeleton />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  const { seasonal, collections } = data.homeSections;
  const [firstGrid, ...otherGrids] = GRIDS;
  const grid = ([key, title]: (typeof GRIDS)[number]) =>
    data.homeSections[key].length > 0 ? (
      <section key={key} aria-labelledby={`home-${key}`} className="home-section">
        <h2 id={`home-${key}`}>{title}</h2>
        <ProductGrid products={data.homeSections[key]} />
      </section>
    ) : null;
  return (
    <>
      <SeasonalBanner pick={seasonal} hasProducts={seasonal.products.length > 0} />
      <section aria-labelledby="browse" className="home-section">
        <h1 id="browse">오늘, 누구에게 꽃을 보낼까요?</h1>
        <ScrollRow label="상품 종류" className="chips">
          {data.categories.map((c) => (
            <Link key={c.key} className="chip" to={`/products?category=${c.key}`}>
              {c.name.ko}
            </Link>
          ))}
        </ScrollRow>
        <ScrollRow label="선물하는 날" className="chips">
          {data.tags.map((t) => (
            <Link key={t.key} className="chip" to={`/products?tag=${t.key}`}>
              #{t.name.ko}
            </Link>
          ))}
        </ScrollRow>
      </section>
      <nav aria-label="꽃집 찾기">
        <ul className="account-links">
          <li>
            <Link to="/stores">
              <span className="account-link-icon">
                <Icon name="store" />
              </span>
              <span className="account-link-text">
                <strong>내 주변 꽃집 찾기</strong>
                <span className="muted small">가까운 곳, 지역별로 찾고 배송 조건을 비교해요</span>
              </span>
              <span aria-hidden className="muted">
                ›
              </span>
            </Link>
          </li>
        </ul>
      </nav>
      {firstGrid && grid(firstGrid)}
      {seasonal.products.length > 0 && (
        <section
          id="season-products"
          aria-labelledby="season-products-title"
          className="home-section"
        >
          <h2 id="season-products-title">제철 꽃으로 만든 꽃</h2>
          <p className="muted small home-subtitle">
            {seasonal.flowers.map((flower) => flower.name.ko).join(' · ')}
          </p>
          <ProductRow label="제철 꽃 상품" products={seasonal.products} />
        </section>
      )}
      {otherGrids.map(grid)}
      {collections.map((collection) => (
        <section
          key={collection.tag}
          aria-labelledby={`collection-${collection.tag}`}
          className="home-section"
        >
          <div className="home-section-head">
            <h2 id={`collection-${collection.tag}`}>{collection.title}</h2>
            <Link to={`/products?tag=${collection.tag}`} className="home-more">
              더 보기<span className="sr-only"> {collection.title}</span> ›
            </Link>
          </div>
          <p className="muted small home-subtitle">{collection.subtitle}</p>
          <ProductRow label={collection.title} products={collection.products} />
        </section>
      ))}
    </>
  );
}
