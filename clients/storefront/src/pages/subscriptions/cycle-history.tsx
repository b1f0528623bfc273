import { useState } from 'react';
import { Link } from 'react-router';
import { formatDay, formatWon } from '@bloom/client-shared';
import { OrderStatusPill } from '../../ui/buy-order-status.js';
import { CYCLE_KIND_LABEL } from '../../ui/buy-subscription.js';
import type { FlowerSubscription } from './subscription.types.js';

/** The cycles so far, newest first: the last three, or all on asking. */
export function CycleHistory({ cycles }: { cycles: FlowerSubscription['cycles'] }) {
  const [all, setAll] = useState(false);
  const newestFirst = [...cycles].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, 3);
  return (
    <details className="buy-cycles">
      <summary>회차 기록 {cycles.length}건</summary>
      <ul>
        {shown.map((c) => (
          <li key={c.cycle} className="row">
            <span className="small">
              {c.cycle}회 · {formatDay(c.deliveryDate)} ·{' '}
              <span className={c.kind === 'DELIVERY' ? '' : 'muted'}>
                {CYCLE_KIND_LABEL[c.kind]}
              </span>
              {c.kind === 'DELIVERY' && c.amount > 0 && ` · ${formatWon(c.amount)}`}
            </span>
            {c.order && (
              <Link to={`/orders/${c.order.id}`} aria-label={`${c.cycle}회 주문 보기`}>
                <OrderStatusPill status={c.order.status} />
              </Link>
            )}
          </li>
        ))}
      </ul>
      {!all && cycles.length > 3 && (
        <button type="button" className="buy-link" onClick={() => setAll(true)}>
          모두 보기
        </button>
      )}
    </details>
  );
}
