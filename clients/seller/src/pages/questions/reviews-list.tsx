import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { MoreButton } from '../../app/more-button.js';
import { Empty, ErrorNotice, Loading, formatInstant } from '@bloom/client-shared';
import {
  PRODUCT_REVIEWS,
  type ProductReviewsData,
  type ReviewPage,
  type ReviewsData,
  SELLER_REVIEWS,
} from './questions.operations.js';

const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

/** The latest reviews of the store's most reviewed products. */
export function ReviewsList() {
  const { data, error, loading, refetch } = useQuery<ReviewsData>(SELLER_REVIEWS, {
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const store = data?.myStore;
  if (!store) return <Empty>꽃집을 먼저 만들어 주세요.</Empty>;
  const products = store.products.nodes.filter((p) => p.reviews.totalCount > 0);
  if (products.length === 0) return <Empty>아직 받은 리뷰가 없어요.</Empty>;

  return (
    <div className="stack">
      <p className="qna-rating">
        평균 <strong>{store.rating.toFixed(1)}</strong>점 · 리뷰{' '}
        {store.ratingCount.toLocaleString('ko-KR')}개
      </p>
      {products.map((product) => (
        <ProductReviews key={product.id} product={product} />
      ))}
    </div>
  );
}

/** One product's reviews: the first few, then "더 보기" pages after the last cursor. */
function ProductReviews({
  product,
}: {
  product: { id: string; name: string; reviews: ReviewPage };
}) {
  const client = useApolloClient();
  const [later, setLater] = useState<ReviewPage | null>(null);
  const shown = [...product.reviews.nodes, ...(later?.nodes ?? [])];
  const more = async (after: string) => {
    const { data } = await client.query<ProductReviewsData, { productId: string; after: string }>({
      query: PRODUCT_REVIEWS,
      variables: { productId: product.id, after },
      fetchPolicy: 'network-only',
    });
    const page = data?.product?.reviews;
    if (!page) throw new Error('no reviews page');
    setLater((before) => ({ ...page, nodes: [...(before?.nodes ?? []), ...page.nodes] }));
  };
  return (
    <section className="stack" aria-label={product.name}>
      <h2>
        {product.name}{' '}
        <span className="muted small">
          리뷰 {product.reviews.totalCount.toLocaleString('ko-KR')}개
        </span>
      </h2>
      <ul className="qna-list">
        {shown.map((review) => (
          <li key={review.id} className="qna-card card">
            <p className="qna-stars" aria-label={`별점 ${review.rating}점`}>
              {stars(review.rating)}
            </p>
            <p className="qna-content">{review.text}</p>
            <p className="muted small">
              {review.author.name} · {formatInstant(review.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      <MoreButton
        pageInfo={later?.pageInfo ?? product.reviews.pageInfo}
        onMore={more}
        label="리뷰 더 보기"
      />
    </section>
  );
}
