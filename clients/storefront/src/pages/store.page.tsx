import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Empty,
  ErrorNotice,
  formatFee,
  formatWon,
  Loading,
  UserErrorNotice,
} from '@bloom/client-shared';
import { type UserErrorData, useAccountGate, userErrorOf } from '../ui/browse-account.js';
import { BROWSE_COUPON, type BrowseCouponData, CouponList } from '../ui/browse-coupons.js';
import { type ProductSort, SortSelect } from '../ui/browse-filters.js';
import { LikeButton } from '../ui/browse-like.js';
import {
  type Connection,
  PRODUCT_PAGE,
  ProductResults,
  useMoreProducts,
} from '../ui/browse-listing.js';
import type { ProductCardData } from '../ui/product-card.js';

const STORE = gql`
  query StorePage($id: ID!) {
    store(id: $id) {
      id
      name
      description
      thumbnailUrl
      phone
      status
      rating
      ratingCount
      likeCount
      likedByMe
      address {
        street
        detail
        zipCode
        latitude
        longitude
      }
      businessHours {
        opensAt
        closesAt
        closedWeekdays
      }
      deliveryPolicy {
        fee
        freeDeliveryThreshold
        sameDayCutoff
        windows {
          start
          end
        }
      }
      pickup {
        enabled
      }
      coupons {
        ...BrowseCoupon
      }
    }
  }
  ${BROWSE_COUPON}
`;

const STORE_PRODUCTS = gql`
  query StoreProducts($storeId: ID!, $sort: ProductSort!, $after: String) {
    products(filter: { storeId: $storeId }, sort: $sort, first: 20, after: $after) {
      ...ProductPage
    }
  }
  ${PRODUCT_PAGE}
`;

const LIKE_STORE = gql`
  mutation LikeStore($id: ID!) {
    likeStore(storeId: $id) {
      __typename
      ... on Store {
        id
        likedByMe
        likeCount
      }
      ... on StoreNotFoundError {
        code
        message
      }
    }
  }
`;

const UNLIKE_STORE = gql`
  mutation UnlikeStore($id: ID!) {
    unlikeStore(storeId: $id) {
      id
      likedByMe
      likeCount
    }
  }
`;

interface Store {
  id: string;
  name: string;
  description: string;
  thumbnailUrl: string | null;
  phone: string;
  status: 'OPEN' | 'SUSPENDED' | 'CLOSED';
  rating: number;
  ratingCount: number;
  likeCount: number;
  likedByMe: boolean;
  address: {
    street: string;
    detail: string;
    zipCode: string;
    latitude: number;
    longitude: number;
  };
  businessHours: { opensAt: string; closesAt: string; closedWeekdays: number[] };
  deliveryPolicy: {
    fee: number;
    freeDeliveryThreshold: number | null;
    sameDayCutoff: string;
    windows: { start: string; end: string }[];
  };
  pickup: { enabled: boolean };
  coupons: BrowseCouponData[];
}

interface StoreData {
  store: Store | null;
}

interface StoreProductsData {
  products: Connection<ProductCardData>;
}

interface LikeStoreData {
  likeStore: { __typename: string; code?: string; message?: string };
}

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

export function Page() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery<StoreData>(STORE, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data.store) {
    return (
      <Empty>
        <p>찾는 꽃집이 없어요.</p>
        <Link className="button" to="/products">
          꽃 둘러보기
        </Link>
      </Empty>
    );
  }
  const store = data.store;
  return (
    <article className="browse-store">
      <title>{`${store.name} · Blooming Blooms`}</title>
      <StoreHeader store={store} />
      {store.status !== 'OPEN' && (
        <p className="notice" role="status">
          {store.status === 'SUSPENDED'
            ? '지금은 운영이 중지된 꽃집이에요. 주문할 수 없어요.'
            : '문을 닫은 꽃집이에요. 주문할 수 없어요.'}
        </p>
      )}
      <StoreInfo store={store} />
      <DeliveryInfo store={store} />
      {store.coupons.length > 0 && (
        <section aria-labelledby="store-coupons" className="browse-section">
          <h2 id="store-coupons">쿠폰</h2>
          <CouponList coupons={store.coupons} />
        </section>
      )}
      <StoreProducts storeId={store.id} />
    </article>
  );
}

function StoreHeader({ store }: { store: Store }) {
  return (
    <header className="browse-store-head">
      <div className="browse-store-thumb">
        {store.thumbnailUrl ? (
          <img src={store.thumbnailUrl} alt={`${store.name} 매장 사진`} />
        ) : (
          <img src="/favicon.svg" alt="" className="placeholder" />
        )}
      </div>
      <div className="browse-store-title">
        <h1>{store.name}</h1>
        <span className="browse-stars small">
          {store.ratingCount > 0 ? (
            <>
              <span aria-hidden>★ </span>
              <span className="browse-sr-only">평점 </span>
              {store.rating.toFixed(1)} <span className="muted">리뷰 {store.ratingCount}개</span>
            </>
          ) : (
            <span className="muted">아직 리뷰가 없어요</span>
          )}
        </span>
      </div>
      <StoreLike store={store} />
      {store.description && (
        <p className="browse-text browse-store-description">{store.description}</p>
      )}
    </header>
  );
}

function StoreLike({ store }: { store: Store }) {
  const gate = useAccountGate();
  const [problem, setProblem] = useState<UserErrorData | null>(null);
  // Both results carry the store's id: the cache updates the heart and the count.
  const [like, liking] = useMutation<LikeStoreData>(LIKE_STORE);
  const [unlike, unliking] = useMutation(UNLIKE_STORE);
  const failure = liking.error ?? unliking.error;

  const onToggle = () => {
    if (!gate.ensureSignedIn()) return;
    setProblem(null);
    const variables = { id: store.id };
    if (store.likedByMe) {
      // The hook's `error` shows an unexpected failure.
      unlike({ variables }).catch(() => undefined);
      return;
    }
    like({ variables }).then(
      (result) => setProblem(result.data ? userErrorOf(result.data.likeStore) : null),
      () => undefined,
    );
  };

  return (
    <div className="browse-like-wrap">
      <LikeButton
        liked={store.likedByMe}
        count={store.likeCount}
        busy={liking.loading || unliking.loading}
        what={store.name}
        onToggle={onToggle}
      />
      <UserErrorNotice error={problem} />
      {failure && <ErrorNotice error={failure} />}
    </div>
  );
}

function StoreInfo({ store }: { store: Store }) {
  const { address, businessHours: hours } = store;
  const closed = [...hours.closedWeekdays].sort((a, b) => a - b).map((d) => WEEKDAYS[d] ?? '');
  // Kakao Map is what Korean phones open for a place; the link needs no key.
  const mapHref = `https://map.kakao.com/link/map/${encodeURIComponent(store.name)},${address.latitude},${address.longitude}`;
  return (
    <section className="card" aria-labelledby="store-info">
      <h2 id="store-info" className="browse-card-title">
        매장 정보
      </h2>
      <dl className="browse-facts">
        <dt>주소</dt>
        <dd>
          {address.street} {address.detail}
          <span className="muted small"> ({address.zipCode})</span>
          <br />
          <a className="small browse-link" href={mapHref} target="_blank" rel="noreferrer">
            지도에서 보기
          </a>
        </dd>
        <dt>전화</dt>
        <dd>
          <a className="browse-link" href={`tel:${store.phone}`}>
            {store.phone}
          </a>
        </dd>
        <dt>영업시간</dt>
        <dd>
          {hours.opensAt} ~ {hours.closesAt}
          <br />
          <span className="muted small">
            {closed.length > 0 ? `${closed.join('·')}요일 휴무` : '연중무휴'}
          </span>
        </dd>
      </dl>
    </section>
  );
}

function DeliveryInfo({ store }: { store: Store }) {
  const policy = store.deliveryPolicy;
  return (
    <section className="card" aria-labelledby="store-delivery">
      <h2 id="store-delivery" className="browse-card-title">
        배송 · 픽업
      </h2>
      <dl className="browse-facts">
        <dt>배송비</dt>
        <dd>
          {formatFee(policy.fee)}
          {policy.fee > 0 && policy.freeDeliveryThreshold !== null && (
            <>
              <br />
              <span className="muted small">
                {formatWon(policy.freeDeliveryThreshold)} 이상 구매 시 무료
              </span>
            </>
          )}
        </dd>
        <dt>당일 배송</dt>
        <dd>{policy.sameDayCutoff}까지 주문하면 오늘 받아요</dd>
        <dt>배송 시간</dt>
        <dd>
          {policy.windows.length > 0 ? (
            <ul className="browse-windows" aria-label="배송 시간대">
              {policy.windows.map((w) => (
                <li key={`${w.start}-${w.end}`}>
                  {w.start}~{w.end}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">주문할 때 정해요</span>
          )}
        </dd>
        <dt>매장 픽업</dt>
        <dd>
          {store.pickup.enabled ? (
            <span className="status-pill good">픽업 가능</span>
          ) : (
            <span className="status-pill">배송만 가능</span>
          )}
          {store.pickup.enabled && (
            <span className="muted small"> 30분 단위로 시간을 골라요 · 배송비 없음</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

function StoreProducts({ storeId }: { storeId: string }) {
  const [sort, setSort] = useState<ProductSort>('POPULAR');
  return (
    <section aria-labelledby="store-products" className="browse-section">
      <div className="row">
        <h2 id="store-products">이 꽃집의 꽃</h2>
        <SortSelect value={sort} onChange={setSort} />
      </div>
      {/* Another order lists from its first page, with its own "더 보기" state. */}
      <StoreProductList key={sort} storeId={storeId} sort={sort} />
    </section>
  );
}

function StoreProductList({ storeId, sort }: { storeId: string; sort: ProductSort }) {
  const { data, loading, error, refetch, fetchMore } = useQuery<StoreProductsData>(STORE_PRODUCTS, {
    variables: { storeId, sort },
  });
  const more = useMoreProducts(
    data,
    fetchMore,
    (d) => d.products,
    (d, products) => ({ ...d, products }),
  );
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  return (
    <ProductResults
      products={data.products}
      more={more}
      empty={<p>지금 판매 중인 꽃이 없어요.</p>}
    />
  );
}
