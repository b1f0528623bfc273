import { formatDay, formatFee, formatWon } from '@bloom/client-shared';
import { addDays, windowText } from '../../ui/buy-dates.js';
import type { FlowerSubscription } from './subscription.types.js';

/** The next delivery and charge, a pause, the recipient and the card. */
export function SubscriptionFacts({ subscription: s }: { subscription: FlowerSubscription }) {
  return (
    <dl className="buy-facts">
      <dt>다음 배송</dt>
      <dd>
        {s.nextDeliveryDate
          ? `${formatDay(s.nextDeliveryDate)} ${windowText(s.deliveryWindow)}`
          : '예정된 배송 없음'}
      </dd>
      {s.nextBillingDate && (
        <>
          <dt>다음 결제</dt>
          <dd>
            {formatDay(s.nextBillingDate)}
            {s.nextCharge && (
              <>
                {' · '}
                <strong>{formatWon(s.nextCharge.total)}</strong>
                <span className="muted small">
                  {' '}
                  {'(배송비 '}
                  {formatFee(s.nextCharge.deliveryFee)})
                </span>
              </>
            )}
          </dd>
        </>
      )}
      {s.pause && (
        <>
          <dt>일시정지</dt>
          <dd>
            {formatDay(s.pause.from)} ~ {formatDay(addDays(s.pause.until, -1))}
            <span className="muted small"> ({formatDay(s.pause.until)}부터 다시 배송)</span>
          </dd>
        </>
      )}
      <dt>받는 분</dt>
      <dd>
        {s.address.recipientName} · {s.address.line1} {s.address.line2}
      </dd>
      <dt>결제 카드</dt>
      <dd>**** {s.cardLast4}</dd>
    </dl>
  );
}
