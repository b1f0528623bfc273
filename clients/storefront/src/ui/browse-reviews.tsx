import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ErrorNotice, formatDay, Loading, seoulDay } from '@bloom/client-shared';
import { type Connection, MoreButton, appendPage, useLoadMore } from './browse-listing.js';
import '../pages/review/review.css';

const REVIEW_SORTS = [
  ['NEWEST', '최신순'],
  ['HIGHEST', '별점 높은순'],
  ['LOWEST', '별점 낮은순'],
] as const;

type ReviewSort = (typeof REVIEW_SORTS)[number][0];

const REVIEW_FIELDS = gql`
  fragment BrowseReview on Review {
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
`;

const REVIEW_SUMMARY = gql`
  query ProductReviewSummary($id: ID!) {
    product(id: $id) {
      id
      ratingAverage
      ratingCount
      photoReviewCount
      ratingBreakdown {
        stars
        count
      }
    }
  }
`;

const REVIEWS = gql`
  query ProductReviews($id: ID!, $sort: ReviewSort!, $withPhotos: Boolean!, $after: String) {
    product(id: $id) {
      id
      reviews(first: 5, sort: $sort, after: $after, withPhotos: $withPhotos) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          ...BrowseReview
        }
      }
    }
  }
  ${REVIEW_FIELDS}
`;

/** The strip above the list: the newest photo reviews, one tap from a larger view. */
const PHOTO_STRIP_SIZE = 10;
const PHOTO_REVIEWS = gql`
  query ProductPhotoReviews($id: ID!, $first: Int!) {
    product(id: $id) {
      id
      reviews(first: $first, sort: NEWEST, withPhotos: true) {
        totalCount
        nodes {
          ...BrowseReview
        }
      }
    }
  }
  ${REVIEW_FIELDS}
`;

interface Review {
  id: string;
  rating: number;
  text: string;
  createdAt: string;
  author: { id: string; name: string };
  photos: { url: string }[];
}

interface ReviewSummaryData {
  product: {
    id: string;
    ratingAverage: number;
    ratingCount: number;
    photoReviewCount: number;
    ratingBreakdown: { stars: number; count: number }[];
  } | null;
}

interface ReviewsData {
  product: { id: string; reviews: Connection<Review> } | null;
}

interface PhotoReviewsData {
  product: { id: string; reviews: { totalCount: number; nodes: Review[] } } | null;
}

/** A photo opened larger: the review it belongs to and which of its photos. */
interface Opened {
  review: Review;
  index: number;
}

/** "김민지" → "김**": a reviewer's full name does not belong on a public page. */
const maskName = (name: string) => {
  const [first = '', ...rest] = Array.from(name.trim());
  return rest.length === 0 ? `${first}*` : first + '*'.repeat(rest.length);
};

const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

const reviewDay = (review: Review) => formatDay(seoulDay(0, new Date(review.createdAt)));

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
  const [withPhotos, setWithPhotos] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const summary = useQuery<ReviewSummaryData>(REVIEW_SUMMARY, {
    variables: { id: productId },
    fetchPolicy: 'cache-and-network',
  });
  const product = summary.data?.product;
  const count = product?.ratingCount ?? ratingCount;
  const average = product?.ratingAverage ?? ratingAverage;
  const photoCount = product?.photoReviewCount ?? 0;
  const section = useScrolledTo('#reviews', summary.data !== undefined);

  return (
    <section
      ref={section}
      id="reviews"
      aria-labelledby="reviews-title"
      className="browse-section review-section"
    >
      <div className="row">
        <h2 id="reviews-title">
          리뷰 <span className="muted">{count}</span>
        </h2>
      </div>
      {count > 0 && product && (
        <RatingSummary average={average} count={count} breakdown={product.ratingBreakdown} />
      )}
      {photoCount > 0 && <PhotoStrip productId={productId} onOpen={setOpened} />}
      {count > 0 && (
        <div className="chips review-controls" role="group" aria-label="리뷰 정렬과 보기">
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
          <button
            type="button"
            className={`chip review-photo-toggle${withPhotos ? ' active' : ''}`}
            aria-pressed={withPhotos}
            disabled={photoCount === 0 && !withPhotos}
            onClick={() => setWithPhotos(!withPhotos)}
          >
            포토 리뷰만 {photoCount}
          </button>
        </div>
      )}
      {/* Another order or filter starts from its first page, with its own "더 보기" state. */}
      <ReviewList
        key={`${sort}:${withPhotos}`}
        productId={productId}
        sort={sort}
        withPhotos={withPhotos}
        onOpen={setOpened}
      />
      <PhotoDialog opened={opened} onClose={() => setOpened(null)} onMove={setOpened} />
    </section>
  );
}

/** Scrolls the element into view once ready when the page was opened at `hash`. */
function useScrolledTo(hash: string, ready: boolean) {
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !ready || location.hash !== hash) return;
    done.current = true;
    ref.current?.scrollIntoView({ block: 'start' });
  }, [hash, location.hash, ready]);
  return ref;
}

/** The mean in large type and one bar per star, 5 first, with each count. */
function RatingSummary({
  average,
  count,
  breakdown,
}: {
  average: number;
  count: number;
  breakdown: { stars: number; count: number }[];
}) {
  const most = Math.max(1, ...breakdown.map((b) => b.count));
  return (
    <div className="review-summary">
      <div className="review-mean">
        <strong className="review-mean-number">{average.toFixed(1)}</strong>
        <span className="browse-stars" aria-hidden>
          {stars(Math.round(average))}
        </span>
        <span className="muted small">
          <span className="browse-sr-only">평균 별점 {average.toFixed(1)}점, </span>
          리뷰 {count}개
        </span>
      </div>
      <ul className="review-bars" aria-label="별점별 리뷰 수">
        {breakdown.map((row) => {
          const share = count === 0 ? 0 : Math.round((row.count / count) * 100);
          return (
            <li key={row.stars} aria-label={`${row.stars}점 리뷰 ${row.count}개 (${share}%)`}>
              <span className="review-bar-label" aria-hidden>
                {row.stars}점
              </span>
              <span className="review-bar" aria-hidden>
                <span style={{ width: `${(row.count / most) * 100}%` }} />
              </span>
              <span className="review-bar-count muted small" aria-hidden>
                {row.count}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function PhotoStrip({
  productId,
  onOpen,
}: {
  productId: string;
  onOpen: (opened: Opened) => void;
}) {
  const { data } = useQuery<PhotoReviewsData>(PHOTO_REVIEWS, {
    variables: { id: productId, first: PHOTO_STRIP_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reviews = data?.product?.reviews.nodes ?? [];
  if (reviews.length === 0) return null;
  return (
    <div className="review-strip-wrap">
      <h3 className="review-strip-title">포토 리뷰 {data?.product?.reviews.totalCount}</h3>
      <ul className="review-strip" aria-label="포토 리뷰">
        {reviews.flatMap((review) =>
          review.photos.map((photo, index) => (
            <li key={`${review.id}:${photo.url}`}>
              <button
                type="button"
                className="review-thumb"
                onClick={() => onOpen({ review, index })}
                aria-label={`${maskName(review.author.name)}님의 리뷰 사진 ${index + 1} 크게 보기`}
              >
                <img src={photo.url} alt="" loading="lazy" />
              </button>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

function ReviewList({
  productId,
  sort,
  withPhotos,
  onOpen,
}: {
  productId: string;
  sort: ReviewSort;
  withPhotos: boolean;
  onOpen: (opened: Opened) => void;
}) {
  const { data, loading, error, refetch, fetchMore } = useQuery<ReviewsData>(REVIEWS, {
    variables: { id: productId, sort, withPhotos },
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
        {withPhotos
          ? '아직 사진이 있는 리뷰가 없어요.'
          : '아직 리뷰가 없어요. 꽃을 받은 분이 첫 리뷰를 남길 수 있어요.'}
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
                <time dateTime={review.createdAt}>{reviewDay(review)}</time>
              </span>
            </div>
            <p className="browse-text">{review.text}</p>
            {review.photos.length > 0 && (
              <div className="browse-review-photos">
                {review.photos.map((photo, index) => (
                  <button
                    key={photo.url}
                    type="button"
                    className="review-thumb"
                    onClick={() => onOpen({ review, index })}
                    aria-label={`리뷰 사진 ${index + 1} 크게 보기`}
                  >
                    <img src={photo.url} alt="" loading="lazy" />
                  </button>
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

/**
 * A photo at full width in a modal <dialog>: the browser traps focus, closes on Escape and
 * returns focus to the thumbnail; the review it belongs to is read under it.
 */
function PhotoDialog({
  opened,
  onClose,
  onMove,
}: {
  opened: Opened | null;
  onClose: () => void;
  onMove: (opened: Opened) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (opened && !element.open) element.showModal();
    if (!opened && element.open) element.close();
  }, [opened]);
  const review = opened?.review;
  const photo = review?.photos[opened?.index ?? 0];
  const total = review?.photos.length ?? 0;
  const index = opened?.index ?? 0;
  return (
    <dialog
      ref={dialog}
      className="review-dialog"
      aria-labelledby="review-dialog-title"
      onClose={onClose}
      onClick={(event) => {
        // A tap on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {review && photo && (
        <div className="review-dialog-body">
          <div className="row">
            <h2 id="review-dialog-title" className="review-dialog-title">
              리뷰 사진 {index + 1}/{total}
            </h2>
            <button type="button" className="button secondary small" onClick={onClose}>
              닫기
            </button>
          </div>
          <img
            className="review-dialog-photo"
            src={photo.url}
            alt={`${maskName(review.author.name)}님의 리뷰 사진 ${index + 1}`}
          />
          {total > 1 && (
            <div className="row review-dialog-nav">
              <button
                type="button"
                className="button secondary small"
                disabled={index === 0}
                onClick={() => onMove({ review, index: index - 1 })}
              >
                ‹ 이전 사진
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={index === total - 1}
                onClick={() => onMove({ review, index: index + 1 })}
              >
                다음 사진 ›
              </button>
            </div>
          )}
          <p>
            <span className="browse-stars" aria-label={`별점 ${review.rating}점`}>
              {stars(review.rating)}
            </span>{' '}
            <span className="muted small">
              {maskName(review.author.name)} · {reviewDay(review)}
            </span>
          </p>
          <p className="browse-text">{review.text}</p>
        </div>
      )}
    </dialog>
  );
}
