import { gql } from '@apollo/client';
import { Link } from 'react-router';
import { formatFee, formatWon } from '@bloom/client-shared';

/** The fields a finder or likes card shows; spread `...StoreCard` into store lists. */
export const STORE_CARD = gql`
  fragment StoreCard on Store {
    id
    name
    thumbnailUrl
    rating
    ratingCount
    likedByMe
    distanceMeters
    address {
      street
      regionName
      districtName
    }
    deliveryPolicy {
      fee
      freeDeliveryThreshold
      sameDayCutoff
    }
    pickup {
      enabled
    }
  }
`;

export interface StoreCardData {
  id: string;
  name: string;
  thumbnailUrl: string | null;
  rating: number;
  ratingCount: number;
  likedByMe: boolean;
  distanceMeters: number | null;
  address: { street: string; regionName: string | null; districtName: string | null };
  deliveryPolicy: { fee: number; freeDeliveryThreshold: number | null; sameDayCutoff: string };
  pickup: { enabled: boolean };
}

/** "850m", "3.2km": what a map app shows. */
export const formatDistance = (metres: number): string =>
  metres < 1000 ? `${Math.round(metres / 10) * 10}m` : `${(metres / 1000).toFixed(1)}km`;

/** One store: where it is, how it rates, and what delivery costs; the whole card opens its page. */
export function StoreCard({ store }: { store: StoreCardData }) {
  const policy = store.deliveryPolicy;
  const place = [store.address.regionName, store.address.districtName].filter(Boolean).join(' ');
  return (
    <Link to={`/stores/${store.id}`} className="finder-card">
      <div className="finder-thumb">
        {store.thumbnailUrl ? (
          <img src={store.thumbnailUrl} alt="" loading="lazy" />
        ) : (
          <img src="/favicon.svg" alt="" className="placeholder" />
        )}
      </div>
      <div className="finder-body">
        <div className="finder-title">
          <strong>{store.name}</strong>
          {store.likedByMe && <span className="finder-liked">♥ 찜한 꽃집</span>}
        </div>
        <span className="small muted">
          {store.distanceMeters !== null && (
            <span className="finder-distance">{formatDistance(store.distanceMeters)} · </span>
          )}
          {place || store.address.street}
        </span>
        <span className="small">
          {store.ratingCount > 0 ? (
            <>
              <span aria-hidden>★ </span>
              <span className="sr-only">평점 </span>
              {store.rating.toFixed(1)} <span className="muted">리뷰 {store.ratingCount}개</span>
            </>
          ) : (
            <span className="muted">아직 리뷰가 없어요</span>
          )}
        </span>
        <ul className="finder-terms" aria-label="배송 조건">
          <li>배송비 {formatFee(policy.fee)}</li>
          {policy.fee > 0 && policy.freeDeliveryThreshold !== null && (
            <li>{formatWon(policy.freeDeliveryThreshold)} 이상 무료</li>
          )}
          <li>{policy.sameDayCutoff}까지 주문하면 당일 배송</li>
          {store.pickup.enabled && <li>픽업 가능</li>}
        </ul>
      </div>
    </Link>
  );
}
