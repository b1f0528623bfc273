import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorNotice, formatDay, Loading, seoulDay } from '@bloom/client-shared';
import { type Connection, MoreButton, appendPage, useLoadMore } from './browse-listing.js';

const REVIEW_SORTS = [
  ['NEWEST', '최신순'],
  ['HIGHEST', '별점 높은순'],
  ['LOWEST', '별점 낮은순'],
] as const;

type ReviewSort = (typeof REVIEW_SORTS)[number][0];

const REVIEWS = gql`
  query ProductReviews($id: ID!, $sort: ReviewSort!, $after: String) {
    product(id: $id) {
      id
      reviews(first: 5, sort: $sort, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          rating
          text
          createdAt
          author {
            id
            name
          }
          photos {
            url
          }
        }
      }
    }
  }
`;

interface Review {
  id: string;
  rating: number;
  text: string;
  createdAt: string;
  author: { id: string; name: string };
  photos: { url: string }[];
}

interface ReviewsData {
  product: { id: string; reviews: Connection<Review> } | null;
}

/** "김민지" → "김**": a reviewer's full name does not belong on a public page. */
const maskName = (name: string) => {
  const [first = '', ...rest] = Array.from(name.trim());
  return rest.length === 0 ? `${first}*` : first + '*'.repeat(rest.length);
};

const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

export function ProductReviews({
  productId,
  ratingAverage,
  ratingCount,
}: {
  productId: string;
  ratingAverage: number;
  ratingCount: number;
}) {
  const [sort, setSort] = useState<ReviewSort>('NEWEST');
  return (
    <section aria-labelledby="reviews-title" className="browse-section">
      <div className="row">
        <h2 id="reviews-title">
          리뷰 <span className="muted">{ratingCount}</span>
        </h2>
        {ratingCount > 0 && (
          <span className="browse-stars" aria-label={`평균 별점 ${ratingAverage.toFixed(1)}점`}>
            ★ {ratingAverage.toFixed(1)}
          </span>
        )}
      </div>
      {ratingCount > 0 && (
        <div className="chips" role="group" aria-label="리뷰 정렬">
          {REVIEW_SORTS.map(([key, label]) => (
            <button
              key={key}
              type="button"
              className={`chip${sort === key ? ' active' : ''}`}
              aria-pressed={sort === key}
              onClick={() => setSort(key)}
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {/* Another order starts from its first page, with its own "더 보기" state. */}
      <ReviewList key={sort} productId={productId} sort={sort} />
    </section>
  );
}

function ReviewList({ productId, sort }: { productId: string; sort: ReviewSort }) {
  const { data, loading, error, refetch, fetchMore } = useQuery<ReviewsData>(REVIEWS, {
    variables: { id: productId, sort },
  });
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: data?.product?.reviews.pageInfo.endCursor ?? null },
      updateQuery: (shown, { fetchMoreResult }) =>
        shown.product && fetchMoreResult.product
          ? {
              product: {
                ...shown.product,
                reviews: appendPage(shown.product.reviews, fetchMoreResult.product.reviews),
              },
            }
          : shown,
    }),
  );
  if (loading && !data) return <Loading label="리뷰를 불러오는 중…" />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const reviews = data.product?.reviews;
  if (!reviews || reviews.nodes.length === 0) {
    return (
      <p className="muted small browse-none">
        아직 리뷰가 없어요. 꽃을 받은 분이 첫 리뷰를 남길 수 있어요.
      </p>
    );
  }
  return (
    <>
      <ul className="browse-list">
        {reviews.nodes.map((review) => (
          <li key={review.id} className="browse-review">
            <div className="row">
              <span className="browse-stars" aria-label={`별점 ${review.rating}점`}>
                {stars(review.rating)}
              </span>
              <span className="muted small">
                {maskName(review.author.name)} ·{' '}
                <time dateTime={review.createdAt}>
                  {formatDay(seoulDay(0, new Date(review.createdAt)))}
                </time>
              </span>
            </div>
            <p className="browse-text">{review.text}</p>
            {review.photos.length > 0 && (
              <div className="browse-review-photos">
                {review.photos.map((photo, i) => (
                  <img key={photo.url} src={photo.url} alt={`리뷰 사진 ${i + 1}`} loading="lazy" />
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      <MoreButton
        pageInfo={reviews.pageInfo}
        shown={reviews.nodes.length}
        total={reviews.totalCount}
        more={more}
      />
    </>
  );
}
