import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Icon } from '@bloom/client-shared';
import { REVIEWABLE_LINES, type ReviewableLinesData } from './review.operations.js';
import './review.css';

/** On the order history: the received flowers still waiting for a review, newest first. */
export function PendingReviews() {
  const { data } = useQuery<ReviewableLinesData>(REVIEWABLE_LINES, {
    variables: {},
    fetchPolicy: 'cache-and-network',
  });
  const lines = data?.reviewableOrderLines ?? [];
  if (lines.length === 0) return null;
  return (
    <section className="review-pending" aria-labelledby="pending-reviews">
      <h2 id="pending-reviews">리뷰를 기다리는 꽃 {lines.length}개</h2>
      <ul className="review-pending-list">
        {lines.map((line) => (
          <li key={line.orderLineId}>
            <Link to={`/reviews/new/${line.orderLineId}`} className="review-pending-item">
              <span className="review-product-thumb">
                {line.product?.images[0] ? (
                  <img src={line.product.images[0].url} alt="" loading="lazy" />
                ) : (
                  <Icon name="flower" />
                )}
              </span>
              <span className="review-pending-name">{line.product?.name ?? '주문한 꽃'}</span>
              <span className="review-pending-cta">리뷰 쓰기</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
