import { formatWon, Icon, stockMessage } from '@bloom/client-shared';
import { MAX_LINE_QUANTITY } from '../../ui/buy-cart.js';
import { QuantityStepper } from '../../ui/buy-fields.js';
import type { OrderGroup } from './checkout.types.js';

/** What is ordered, by store; a buy-now quantity can still change here. */
export function OrderItems({
  groups,
  onQuantity,
  stockErrors,
}: {
  groups: OrderGroup[];
  /** By product id: more than the store can make now. */
  stockErrors: Record<string, string>;
  /** Given when the quantity can change (buy now). */
  onQuantity: ((quantity: number) => void) | undefined;
}) {
  const itemCount = groups.reduce((n, g) => n + g.lines.reduce((m, l) => m + l.quantity, 0), 0);
  return (
    <section className="card" aria-labelledby="co-items">
      <h2 id="co-items" className="buy-section-title">
        주문 상품 {itemCount}개
      </h2>
      {groups.map((g) => (
        <div key={g.store.id} className="buy-co-group">
          <p className="muted small">{g.store.name}</p>
          <ul className="buy-lines compact">
            {g.lines.map((l) => (
              <li key={l.productId} className="buy-line">
                <span className="buy-thumb small">
                  {l.imageUrl ? <img src={l.imageUrl} alt="" /> : <Icon name="flower" />}
                </span>
                <div className="buy-line-body">
                  <span className="buy-line-name">{l.name}</span>
                  {onQuantity ? (
                    <QuantityStepper
                      label={`${l.name} 수량`}
                      value={l.quantity}
                      max={Math.min(l.available, MAX_LINE_QUANTITY)}
                      onChange={onQuantity}
                    />
                  ) : (
                    <span className="muted small">{l.quantity}개</span>
                  )}
                  <StockNote
                    error={
                      l.quantity > l.available
                        ? stockMessage(l.available)
                        : stockErrors[l.productId]
                    }
                  />
                </div>
                <strong>{formatWon(l.amount)}</strong>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** More than the store can make: said at once, not only after paying is tried. */
function StockNote({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <span className="field-error" role="alert">
      {error}
    </span>
  );
}
