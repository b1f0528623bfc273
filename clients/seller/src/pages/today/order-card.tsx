import { formatDay, formatPhone, problemText } from '@bloom/client-shared';
import { OrderActions } from './order-actions.js';
import { STATUS_LABEL, dayLabel, serviceDay, timeOf } from './today-board.js';
import type { BoardLine, BoardOrder } from './today.types.js';

export type FlowerNames = Map<number, string>;

export const flowerName = (names: FlowerNames, id: number) => names.get(id) ?? `꽃 ${id}번`;

/** "장미 20 · 안개꽃 6": the stems of one order line (recipe × quantity). */
export const recipeText = (line: BoardLine, names: FlowerNames) =>
  line.recipe.map((r) => `${flowerName(names, r.flowerId)} ${r.count * line.quantity}`).join(' · ');

export function DayTag({ day }: { day: string }) {
  const which = dayLabel(day);
  const text = which === 'today' ? '오늘' : which === 'tomorrow' ? '내일' : formatDay(day);
  return (
    <span className={`today-tag day-${which}`}>{which === 'past' ? `지남 · ${text}` : text}</span>
  );
}

export function OrderCard({
  order,
  names,
  fresh,
  onChanged,
  onSlip,
}: {
  order: BoardOrder;
  names: FlowerNames;
  fresh: boolean;
  onChanged: () => void;
  onSlip: () => void;
}) {
  const d = order.delivery;
  const hasCard = order.lines.some((l) => l.hasGiftCard);
  return (
    <article
      className={`today-card${fresh ? ' fresh' : ''}${order.status === 'CANCELED' ? ' canceled' : ''}`}
      aria-label={`주문 ${order.number}`}
      data-order-id={order.id}
    >
      <header className="today-card-head">
        <strong className="today-time">{timeOf(order) || '시간 미정'}</strong>
        <DayTag day={serviceDay(order)} />
        <span className={`today-tag ${order.fulfilment === 'PICKUP' ? 'pickup' : 'delivery'}`}>
          {order.fulfilment === 'PICKUP' ? '픽업' : '배송'}
        </span>
        {fresh && <span className="today-tag fresh">방금 들어옴</span>}
      </header>
      <div className="today-who">
        {d ? (
          <>
            <span className="today-recipient">{d.recipientName}</span>
            <a className="today-phone" href={`tel:${d.phone.replace(/\D/g, '')}`}>
              {formatPhone(d.phone)}
            </a>
            <span className="today-address small">
              {d.street}
              {d.detail ? ` ${d.detail}` : ''}
            </span>
          </>
        ) : (
          <span className="today-recipient">매장에서 찾아가요</span>
        )}
      </div>
      <ul className="today-lines">
        {order.lines.map((line) => (
          <li key={line.id}>
            <span className="today-product">
              {line.productName} <b>× {line.quantity}</b>
            </span>
            {line.recipe.length > 0 && (
              <span className="today-recipe small">{recipeText(line, names)}</span>
            )}
          </li>
        ))}
      </ul>
      {(hasCard || d?.note || d?.anonymous || d?.senderName || order.trackingNumber) && (
        <div className="today-extras small">
          {d?.anonymous ? (
            <span className="today-tag anonymous">익명 배송 · 보내는 분을 알리지 마세요</span>
          ) : (
            d?.senderName && <span>보내는 분 {d.senderName}</span>
          )}
          {hasCard && <span className="today-tag card">메시지 카드 있음</span>}
          {d?.note && <span className="today-note">요청: {d.note}</span>}
          {order.trackingNumber && <span>운송장 {order.trackingNumber}</span>}
        </div>
      )}
      {order.cancellation && (
        <p className="small muted">
          {problemText(order.cancellation)}
          {order.cancellation.message ? ` (${order.cancellation.message})` : ''}
        </p>
      )}
      <footer className="today-card-foot">
        <span className="small muted">
          주문 {order.number}
          {(order.status === 'DELIVERED' ||
            order.status === 'PICKED_UP' ||
            order.status === 'CANCELED' ||
            order.status === 'SHIPPING' ||
            order.status === 'READY') &&
            ` · ${STATUS_LABEL[order.status]}`}
        </span>
        <button type="button" className="today-link" onClick={onSlip}>
          전표 인쇄
        </button>
      </footer>
      <OrderActions order={order} onChanged={onChanged} />
    </article>
  );
}
