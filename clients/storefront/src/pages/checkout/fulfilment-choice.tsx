import type { Fulfilment } from './checkout.types.js';

/** Delivery or pickup; pickup only when every store of the checkout does it. */
export function FulfilmentChoice({
  mode,
  pickupPossible,
  onChange,
}: {
  mode: Fulfilment;
  pickupPossible: boolean;
  onChange: (fulfilment: Fulfilment) => void;
}) {
  return (
    <section className="card" aria-labelledby="co-how">
      <h2 id="co-how" className="buy-section-title">
        받는 방법
      </h2>
      <div className="buy-segment" role="radiogroup" aria-labelledby="co-how">
        {(['DELIVERY', 'PICKUP'] as const).map((f) => (
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={mode === f}
            className={mode === f ? 'active' : ''}
            disabled={f === 'PICKUP' && !pickupPossible}
            onClick={() => onChange(f)}
          >
            {f === 'DELIVERY' ? '배송' : '매장 픽업'}
          </button>
        ))}
      </div>
      {!pickupPossible && (
        <p className="muted small">픽업을 받지 않는 꽃집이 있어 배송으로만 주문할 수 있어요.</p>
      )}
    </section>
  );
}
