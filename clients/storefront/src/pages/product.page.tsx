import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Empty, ErrorNotice, formatWon, Loading, UserErrorNotice } from '@bloom/client-shared';
import { type UserErrorData, useAccountGate, userErrorOf } from '../ui/browse-account.js';
import { BuyBar } from '../ui/browse-buy-bar.js';
import { BROWSE_COUPON, type BrowseCouponData, CouponList } from '../ui/browse-coupons.js';
import { type CategoryKey, type TagKey, listingHref, NO_FILTERS } from '../ui/browse-filters.js';
import { ImageGallery } from '../ui/browse-gallery.js';
import { LikeButton } from '../ui/browse-like.js';
import { ProductQuestions } from '../ui/browse-questions.js';
import { ProductReviews } from '../ui/browse-reviews.js';

const PRODUCT = gql`
  query ProductPage($id: ID!) {
    product(id: $id) {
      id
      name
      summary
      description
      price
      category
      tags
      saleStatus
      isSubscription
      ratingAverage
      ratingCount
      availableQuantity
      likeCount
      likedByMe
      restockAlertSubscribed
      images {
        url
      }
      recipe {
        flowerId
        count
        representative
      }
      representativeFlower {
        id
        name {
          ko
        }
      }
      flowerLanguage {
        ko
      }
      recipeFlowers {
        id
        name {
          ko
        }
        language {
          ko
        }
      }
      store {
        id
        name
        status
        coupons {
          ...BrowseCoupon
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
  ${BROWSE_COUPON}
`;

/** Liking and unliking answer the same: the product's heart and count, or why not. */
const LIKE_RESULT = gql`
  fragment ProductLikeResult on ProductLookupResult {
    __typename
    ... on Product {
      id
      likedByMe
      likeCount
    }
    ... on ProductNotFoundError {
      code
      message
    }
  }
`;

const LIKE = gql`
  mutation LikeProduct($id: ID!) {
    likeProduct(productId: $id) {
      ...ProductLikeResult
    }
  }
  ${LIKE_RESULT}
`;

const UNLIKE = gql`
  mutation UnlikeProduct($id: ID!) {
    unlikeProduct(productId: $id) {
      ...ProductLikeResult
    }
  }
  ${LIKE_RESULT}
`;

interface Flower {
  id: number;
  name: { ko: string };
  language: { ko: string };
}

interface Product {
  id: string;
  name: string;
  summary: string;
  description: string;
  price: number;
  category: CategoryKey | null;
  tags: TagKey[];
  saleStatus: 'ON_SALE' | 'SOLD_OUT' | 'DISCONTINUED' | 'DELETED';
  isSubscription: boolean;
  ratingAverage: number;
  ratingCount: number;
  availableQuantity: number;
  likeCount: number;
  likedByMe: boolean;
  restockAlertSubscribed: boolean;
  images: { url: string }[];
  recipe: { flowerId: number; count: number; representative: boolean }[];
  representativeFlower: { id: number; name: { ko: string } };
  flowerLanguage: { ko: string };
  recipeFlowers: Flower[];
  store: { id: string; name: string; status: string; coupons: BrowseCouponData[] };
}

interface ProductPageData {
  product: Product | null;
  categories: { key: CategoryKey; name: { ko: string } }[];
  tags: { key: TagKey; name: { ko: string } }[];
}

interface LikeData {
  likeProduct?: { __typename: string; code?: string; message?: string };
  unlikeProduct?: { __typename: string; code?: string; message?: string };
}

export function Page() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery<ProductPageData>(PRODUCT, {
    variables: { id },
  });
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data.product) {
    return (
      <Empty>
        <p>찾는 상품이 없어요. 판매가 끝났거나 주소가 바뀌었을 수 있어요.</p>
        <Link className="button" to="/products">
          다른 꽃 둘러보기
        </Link>
      </Empty>
    );
  }
  return <ProductView product={data.product} catalog={data} />;
}

function ProductView({ product, catalog }: { product: Product; catalog: ProductPageData }) {
  const ended = product.saleStatus === 'DISCONTINUED' || product.saleStatus === 'DELETED';
  const storeOpen = product.store.status === 'OPEN';
  return (
    <article className="browse-product">
      <title>{`${product.name} · Blooming Blooms`}</title>
      <ImageGallery images={product.images} name={product.name} />
      <ProductHeader product={product} />
      {ended && (
        <p className="notice" role="status">
          판매가 끝난 상품이에요. 같은 꽃집의 다른 꽃을 둘러보세요.
        </p>
      )}
      {!ended && !storeOpen && (
        <p className="notice" role="status">
          이 꽃집은 지금 주문을 받지 않아요.
        </p>
      )}
      <FlowerMeaning product={product} />
      <section aria-labelledby="about-title" className="browse-section">
        <h2 id="about-title">상품 설명</h2>
        <p className="browse-summary">{product.summary}</p>
        <p className="browse-text">{product.description}</p>
        <Classification product={product} catalog={catalog} />
      </section>
      <Recipe product={product} />
      {product.store.coupons.length > 0 && (
        <section aria-labelledby="coupons-title" className="browse-section">
          <h2 id="coupons-title">{product.store.name} 쿠폰</h2>
          <CouponList coupons={product.store.coupons} />
        </section>
      )}
      <ProductReviews
        productId={product.id}
        ratingAverage={product.ratingAverage}
        ratingCount={product.ratingCount}
      />
      <ProductQuestions productId={product.id} storeId={product.store.id} />
      {!ended && storeOpen && <BuyBar product={product} />}
    </article>
  );
}

const SALE_STATUS: Record<Product['saleStatus'], { label: string; tone: string }> = {
  ON_SALE: { label: '판매 중', tone: ' good' },
  SOLD_OUT: { label: '품절', tone: ' bad' },
  DISCONTINUED: { label: '판매 종료', tone: ' bad' },
  DELETED: { label: '판매 종료', tone: ' bad' },
};

function ProductHeader({ product }: { product: Product }) {
  // On sale but the store's flowers cannot make one now: to the shopper that is sold out.
  const status =
    product.saleStatus === 'ON_SALE' && product.availableQuantity === 0 && !product.isSubscription
      ? SALE_STATUS.SOLD_OUT
      : SALE_STATUS[product.saleStatus];
  const canOrder = product.saleStatus === 'ON_SALE' && product.availableQuantity > 0;
  return (
    <header className="browse-product-head">
      <div className="row">
        <Link to={`/stores/${product.store.id}`} className="browse-store-link">
          {product.store.name} <span aria-hidden>›</span>
        </Link>
        <ProductLike product={product} />
      </div>
      <h1>{product.name}</h1>
      <div className="row browse-price-row">
        <strong className="browse-price">
          {formatWon(product.price)}
          {product.isSubscription && <span className="muted small"> / 회</span>}
        </strong>
        <span className={`status-pill${status.tone}`}>{status.label}</span>
      </div>
      <div className="row browse-meta">
        <span className="browse-stars">
          {product.ratingCount > 0 ? (
            <>
              <span aria-hidden>★ </span>
              <span className="browse-sr-only">평점 </span>
              {product.ratingAverage.toFixed(1)}{' '}
              <span className="muted small">리뷰 {product.ratingCount}개</span>
            </>
          ) : (
            <span className="muted small">아직 리뷰가 없어요</span>
          )}
        </span>
        {canOrder && !product.isSubscription && (
          <span className={`small${product.availableQuantity <= 5 ? ' browse-few' : ' muted'}`}>
            {product.availableQuantity <= 5
              ? `마지막 ${product.availableQuantity}개`
              : `${product.availableQuantity}개 주문 가능`}
          </span>
        )}
      </div>
    </header>
  );
}

function ProductLike({ product }: { product: Product }) {
  const gate = useAccountGate();
  const [problem, setProblem] = useState<UserErrorData | null>(null);
  // The result is the product itself: the cache updates the heart and the count.
  const [like, liking] = useMutation<LikeData>(LIKE);
  const [unlike, unliking] = useMutation<LikeData>(UNLIKE);
  const failure = liking.error ?? unliking.error;

  const onToggle = () => {
    if (!gate.ensureSignedIn()) return;
    setProblem(null);
    const run = product.likedByMe ? unlike : like;
    run({ variables: { id: product.id } }).then(
      (result) => {
        const outcome = result.data?.likeProduct ?? result.data?.unlikeProduct;
        setProblem(outcome ? userErrorOf(outcome) : null);
      },
      // The hook's `error` shows an unexpected failure.
      () => undefined,
    );
  };

  return (
    <div className="browse-like-wrap">
      <LikeButton
        liked={product.likedByMe}
        count={product.likeCount}
        busy={liking.loading || unliking.loading}
        what={product.name}
        onToggle={onToggle}
      />
      <UserErrorNotice error={problem} />
      {failure && <ErrorNotice error={failure} />}
    </div>
  );
}

/** The point of the product: the message its representative flower carries (꽃말). */
function FlowerMeaning({ product }: { product: Product }) {
  return (
    <section className="browse-meaning" aria-labelledby="meaning-title">
      <p className="browse-meaning-kicker" id="meaning-title">
        {product.representativeFlower.name.ko}의 꽃말
      </p>
      <p className="browse-meaning-words">“{product.flowerLanguage.ko}”</p>
      <p className="small">이 마음을 꽃으로 전해 보세요.</p>
    </section>
  );
}

function Recipe({ product }: { product: Product }) {
  const flowers = new Map(product.recipeFlowers.map((f) => [f.id, f]));
  if (product.recipe.length === 0) return null;
  return (
    <section aria-labelledby="recipe-title" className="browse-section">
      <h2 id="recipe-title">들어가는 꽃</h2>
      {product.isSubscription && (
        <p className="muted small">정기구독은 회차마다 꽃집이 제철 꽃으로 구성을 바꿔요.</p>
      )}
      <ul className="browse-recipe">
        {product.recipe.map((line) => {
          const flower = flowers.get(line.flowerId);
          return (
            <li key={line.flowerId} className={line.representative ? 'representative' : undefined}>
              <div>
                <strong>{flower?.name.ko ?? `꽃 #${line.flowerId}`}</strong>
                {line.representative && <span className="status-pill">대표 꽃</span>}
                {flower && (
                  <span className="muted small browse-recipe-language">
                    꽃말 · {flower.language.ko}
                  </span>
                )}
              </div>
              <span className="browse-recipe-count">{line.count}송이</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Category and tags as links to their listings: a way on to similar flowers. */
function Classification({ product, catalog }: { product: Product; catalog: ProductPageData }) {
  const category = catalog.categories.find((c) => c.key === product.category);
  const tags = catalog.tags.filter((t) => product.tags.includes(t.key));
  if (!category && tags.length === 0) return null;
  return (
    <div className="chips" aria-label="분류">
      {category && (
        <Link className="chip" to={listingHref({ ...NO_FILTERS, category: category.key })}>
          {category.name.ko}
        </Link>
      )}
      {tags.map((tag) => (
        <Link key={tag.key} className="chip" to={listingHref({ ...NO_FILTERS, tags: [tag.key] })}>
          #{tag.name.ko}
        </Link>
      ))}
    </div>
  );
}
