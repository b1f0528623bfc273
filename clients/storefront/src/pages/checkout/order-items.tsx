import { formatWon, Icon } from '@bloom/client-shared';
import { QuantityStepper } from '../../ui/buy-fields.js';
import type { OrderGroup } from './checkout.types.js';

/** What is ordered, by store; a buy-now quantity can still change here. */
export function OrderItems({
  groups,
  onQuantity,
}: {
  groups: OrderGroup[];
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
                      onChange={onQuantity}
                    />
                  ) : (
                    <span className="muted small">{l.quantity}개</span>
                  )}
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
