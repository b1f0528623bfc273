import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { OrderStatus } from '../../ui/buy-order-status.js';
import { REVIEWABLE_LINES, type ReviewableLinesData } from './review.operations.js';
import './review.css';

const RECEIVED = new Set<OrderStatus>(['DELIVERED', 'PICKED_UP']);

/** On a received order: "리뷰 쓰기" for each of its lines not reviewed yet. */
export function OrderReviews({
  orderId,
  status,
  lines,
}: {
  orderId: string;
  status: OrderStatus;
  lines: { id: string; productName: string }[];
}) {
  const received = RECEIVED.has(status);
  const { data } = useQuery<ReviewableLinesData>(REVIEWABLE_LINES, {
    variables: { orderId },
    skip: !received,
    fetchPolicy: 'cache-and-network',
  });
  const open = new Set(data?.reviewableOrderLines.map((l) => l.orderLineId) ?? []);
  const reviewable = lines.filter((line) => open.has(line.id));
  if (!received || reviewable.length === 0) return null;
  return (
    <section className="card stack review-invite" aria-labelledby="od-reviews">
      <h2 id="od-reviews" className="buy-section-title">
        받은 꽃은 어떠셨나요?
      </h2>
      <ul className="review-invite-lines">
        {reviewable.map((line) => (
          <li key={line.id}>
            <span>{line.productName}</span>
            <Link
              className="button small"
              to={`/reviews/new/${line.id}`}
              aria-label={`${line.productName} 리뷰 쓰기`}
            >
              리뷰 쓰기
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
