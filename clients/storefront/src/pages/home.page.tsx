import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { PRODUCT_CARD, type ProductCardData, ProductGrid } from '../ui/product-card.js';
import { ErrorNotice, Icon, Loading } from '@bloom/client-shared';

const HOME = gql`
  query Home {
    homeSections(size: 6) {
      bestSellers {
        ...ProductCard
      }
      newArrivals {
        ...ProductCard
      }
      bestRated {
        ...ProductCard
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
  homeSections: Record<'bestSellers' | 'newArrivals' | 'bestRated', ProductCardData[]>;
  categories: { key: string; name: { ko: string } }[];
  tags: { key: string; name: { ko: string } }[];
}

const SECTIONS = [
  ['bestSellers', '많이 찾는 꽃'],
  ['newArrivals', '새로 들어온 꽃'],
  ['bestRated', '평점 높은 꽃'],
] as const;

export function Page() {
  const { data, loading, error, refetch } = useQuery<HomeData>(HOME);
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  return (
    <>
      <section aria-labelledby="browse">
        <h1 id="browse">오늘, 누구에게 꽃을 보낼까요?</h1>
        <div className="chips">
          {data.categories.map((c) => (
            <Link key={c.key} className="chip" to={`/products?category=${c.key}`}>
              {c.name.ko}
            </Link>
          ))}
          {data.tags.map((t) => (
            <Link key={t.key} className="chip" to={`/products?tag=${t.key}`}>
              #{t.name.ko}
            </Link>
          ))}
        </div>
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
      {SECTIONS.map(([key, title]) =>
        data.homeSections[key].length > 0 ? (
          <section key={key} aria-label={title}>
            <h2>{title}</h2>
            <ProductGrid products={data.homeSections[key]} />
          </section>
        ) : null,
      )}
    </>
  );
}
