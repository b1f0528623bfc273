import { isEasyPay, PAYMENT_METHODS, type PaymentMethod } from './payment-methods.js';
import './payment.css';

/** Card, or an easy-pay wallet whose own page approves the payment. */
export function PaymentMethodChoice({
  method,
  onChange,
  severalStores,
}: {
  method: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  /** Each store's order is its own payment: easy pay asks once per store. */
  severalStores: number;
}) {
  return (
    <section className="card stack" aria-labelledby="co-pay">
      <h2 id="co-pay" className="buy-section-title">
        결제 수단
      </h2>
      <div className="pay-methods" role="radiogroup" aria-labelledby="co-pay">
        {PAYMENT_METHODS.map((m) => (
          <button
            key={m.method}
            type="button"
            role="radio"
            aria-checked={method === m.method}
            className={`pay-method pay-${m.method.toLowerCase().replace('_', '-')}${
              method === m.method ? ' active' : ''
            }`}
            onClick={() => onChange(m.method)}
          >
            <span className="pay-method-mark" aria-hidden />
            <strong>{m.label}</strong>
            <span className="muted small">{m.hint}</span>
          </button>
        ))}
      </div>
      {isEasyPay(method) && severalStores > 1 && (
        <p className="muted small">
          꽃집 {severalStores}곳의 주문이라 결제 화면에서 {severalStores}번 승인해요.
        </p>
      )}
    </section>
  );
}
