import { isEasyPay, paymentLabel, type PaymentMethod } from './payment-methods.js';
import { formatFee, formatWon } from '@bloom/client-shared';
import type { PricedGroup } from './checkout-quote.hook.js';
import type { Fulfilment } from './checkout.types.js';

/** What each store's order costs: the products, the coupon's discount, delivery or pickup. */
export function OrderSummary({
  priced,
  mode,
  total,
  method,
}: {
  priced: PricedGroup[];
  mode: Fulfilment;
  method: PaymentMethod;
  /** What will be charged for all of it. */
  total: number;
}) {
  return (
    <section className="card" aria-labelledby="co-sum">
      <h2 id="co-sum" className="buy-section-title">
        결제 금액
      </h2>
      {priced.map((p) => (
        <dl key={p.group.store.id} className="buy-amounts">
          {priced.length > 1 && <dt className="buy-amounts-store">{p.group.store.name}</dt>}
          <dt>상품 금액</dt>
          <dd>{formatWon(p.group.subtotal)}</dd>
          {p.discount > 0 && (
            <>
              <dt>쿠폰 할인</dt>
              <dd className="buy-discount">−{formatWon(p.discount)}</dd>
            </>
          )}
          {mode === 'DELIVERY' ? (
            <>
              <dt>배송비</dt>
              <dd>{formatFee(p.fee)}</dd>
            </>
          ) : (
            <>
              <dt>수령 방법</dt>
              <dd>매장 픽업</dd>
            </>
          )}
        </dl>
      ))}
      <dl className="buy-amounts buy-grand-total">
        <dt>총 결제 금액</dt>
        <dd>
          <strong>{formatWon(total)}</strong>
        </dd>
      </dl>
      <p className="muted small">
        {isEasyPay(method)
          ? `꽃집이 재고를 확인하면 ${paymentLabel(method)} 화면으로 이동해요. 그곳에서 승인해야 결제돼요.`
          : '주문하면 결제가 바로 진행되고, 꽃집 재고 확인과 결제 승인 결과를 주문 화면에서 실시간으로 알려 드려요.'}
      </p>
    </section>
  );
}
