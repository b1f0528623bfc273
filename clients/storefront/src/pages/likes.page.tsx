import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorNotice, Loading, useSession } from '@bloom/client-shared';
import { AccountRequired } from '../ui/account-required.js';
import {
  type Connection,
  MoreButton,
  PRODUCT_PAGE,
  appendPage,
  useLoadMore,
} from '../ui/browse-listing.js';
import { ProductCard, type ProductCardData } from '../ui/product-card.js';
import { STORE_CARD, StoreCard, type StoreCardData } from './stores/store-card.js';
import './stores/stores.css';

const LIKED_PRODUCTS = gql`
  query LikedProducts($after: String) {
    myLikedProducts(first: 20, after: $after) {
      ...ProductPage
    }
  }
  ${PRODUCT_PAGE}
`;

const LIKED_STORES = gql`
  query LikedStores($after: String) {
    myLikedStores(first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...StoreCard
      }
    }
  }
  ${STORE_CARD}
`;

const UNLIKE_PRODUCT = gql`
  mutation UnlikeLikedProduct($id: ID!) {
    unlikeProduct(productId: $id) {
      __typename
      ... on Product {
        id
        likedByMe
        likeCount
      }
    }
  }
`;

const UNLIKE_STORE = gql`
  mutation UnlikeLikedStore($id: ID!) {
    unlikeStore(storeId: $id) {
      id
      likedByMe
      likeCount
    }
  }
`;

interface LikedProductsData {
  myLikedProducts: Connection<ProductCardData>;
}

interface LikedStoresData {
  myLikedStores: Connection<StoreCardData>;
}

const TABS = [
  ['products', '꽃'],
  ['stores', '꽃집'],
] as const;

export function Page() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'stores' ? 'stores' : 'products';
  if (!session) return <AccountRequired message="찜한 꽃과 꽃집을 보려면 로그인해 주세요." />;
  return (
    <div className="likes">
      <title>찜 · Blooming Blooms</title>
      <h1>찜</h1>
      <div className="likes-tabs" role="tablist" aria-label="찜 목록">
        {TABS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`likes-tab-${key}`}
            aria-selected={tab === key}
            aria-controls="likes-panel"
            className={`chip${tab === key ? ' active' : ''}`}
            onClick={() => setParams(key === 'products' ? {} : { tab: key }, { replace: true })}
          >
            {label}
          </button>
        ))}
      </div>
      <section id="likes-panel" role="tabpanel" aria-labelledby={`likes-tab-${tab}`}>
        {tab === 'products' ? <LikedProducts /> : <LikedStores />}
      </section>
    </div>
  );
}

function LikedProducts() {
  const { data, loading, error, refetch, fetchMore } = useQuery<LikedProductsData>(LIKED_PRODUCTS, {
    fetchPolicy: 'cache-and-network',
  });
  // The list is the server's: after an unlike it is read again, so the count stays right.
  const [unlike, unliking] = useMutation(UNLIKE_PRODUCT, { onCompleted: () => void refetch() });
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: data?.myLikedProducts.pageInfo.endCursor ?? null },
      updateQuery: (shown, { fetchMoreResult }) => ({
        myLikedProducts: appendPage(shown.myLikedProducts, fetchMoreResult.myLikedProducts),
      }),
    }),
  );
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const liked = data.myLikedProducts;
  if (liked.nodes.length === 0) {
    return (
      <Empty>
        <p>찜한 꽃이 아직 없어요. 마음에 드는 꽃에 ♡를 눌러 보세요.</p>
        <Link className="button" to="/products">
          꽃 둘러보기
        </Link>
      </Empty>
    );
  }
  return (
    <>
      {unliking.error && <ErrorNotice error={unliking.error} />}
      <div className="product-grid">
        {liked.nodes.map((product) => (
          <div key={product.id} className="likes-item">
            <ProductCard product={product} />
            <button
              type="button"
              className="likes-unlike"
              aria-label={`${product.name} 찜 해제`}
              disabled={unliking.loading}
              onClick={() => {
                unlike({ variables: { id: product.id } }).catch(() => undefined);
              }}
            >
              ♥ 찜 해제
            </button>
          </div>
        ))}
      </div>
      <MoreButton
        pageInfo={liked.pageInfo}
        shown={liked.nodes.length}
        total={liked.totalCount}
        more={more}
      />
    </>
  );
}

function LikedStores() {
  const { data, loading, error, refetch, fetchMore } = useQuery<LikedStoresData>(LIKED_STORES, {
    fetchPolicy: 'cache-and-network',
  });
  const [unlike, unliking] = useMutation(UNLIKE_STORE, { onCompleted: () => void refetch() });
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: data?.myLikedStores.pageInfo.endCursor ?? null },
      updateQuery: (shown, { fetchMoreResult }) => ({
        myLikedStores: appendPage(shown.myLikedStores, fetchMoreResult.myLikedStores),
      }),
    }),
  );
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const liked = data.myLikedStores;
  if (liked.nodes.length === 0) {
    return (
      <Empty>
        <p>찜한 꽃집이 아직 없어요. 가까운 꽃집을 찾아보세요.</p>
        <Link className="button" to="/stores">
          꽃집 찾기
        </Link>
      </Empty>
    );
  }
  return (
    <>
      {unliking.error && <ErrorNotice error={unliking.error} />}
      <ul className="likes-list" aria-label="찜한 꽃집">
        {liked.nodes.map((store) => (
          <li key={store.id} className="likes-item">
            <StoreCard store={store} />
            <button
              type="button"
              className="likes-unlike"
              aria-label={`${store.name} 찜 해제`}
              disabled={unliking.loading}
              onClick={() => {
                unlike({ variables: { id: store.id } }).catch(() => undefined);
              }}
            >
              ♥ 찜 해제
            </button>
          </li>
        ))}
      </ul>
      <MoreButton
        pageInfo={liked.pageInfo}
        shown={liked.nodes.length}
        total={liked.totalCount}
        more={more}
      />
    </>
  );
}
