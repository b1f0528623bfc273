import { formatDay, formatPhone, formatWon, seoulDay } from '@bloom/client-shared';
import type { ReactNode } from 'react';
import { type FlowerNames, flowerName, recipeText } from './order-card.js';
import { pickList, serviceDay, timeOf } from './today-board.js';
import type { BoardOrder } from './today.types.js';

/**
 * A print view: the sheet alone on screen with a way back and "인쇄"; on paper only the sheet
 * (today.css hides everything else under `@media print`, the app's frame too).
 */
export function PrintView({
  title,
  onBack,
  children,
}: {
  title: string;
  onBack: () => void;
  children: ReactNode;
}) {
  return (
    <div className="today-print-view">
      <div className="today-print-bar">
        <button type="button" className="button secondary" onClick={onBack}>
          ← 주문 보드
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          인쇄
        </button>
      </div>
      <section className="today-sheet" aria-label={title}>
        {children}
      </section>
    </div>
  );
}

/** What to prepare on one day: stems summed by flower, then the products to make. */
export function PickListSheet({
  orders,
  day,
  storeName,
  names,
}: {
  orders: BoardOrder[];
  day: string;
  storeName: string;
  names: FlowerNames;
}) {
  const list = pickList(orders);
  return (
    <>
      <h1>
        {day === seoulDay() ? '오늘' : day === seoulDay(1) ? '내일' : formatDay(day)} 준비할 꽃
        <span className="today-sheet-sub">
          {storeName} · {formatDay(day)} · 주문 {list.orders}건
        </span>
      </h1>
      {list.orders === 0 ? (
        <p>준비할 주문이 없어요.</p>
      ) : (
        <>
          <table className="today-table">
            <thead>
              <tr>
                <th scope="col">꽃</th>
                <th scope="col" className="num">
                  송이
                </th>
                <th scope="col" className="check">
                  확인
                </th>
              </tr>
            </thead>
            <tbody>
              {list.flowers.map((f) => (
                <tr key={f.flowerId}>
                  <td>{flowerName(names, f.flowerId)}</td>
                  <td className="num">{f.stems}</td>
                  <td className="check">☐</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>만들 상품</h2>
          <table className="today-table">
            <thead>
              <tr>
                <th scope="col">상품</th>
                <th scope="col" className="num">
                  수량
                </th>
                <th scope="col" className="check">
                  확인
                </th>
              </tr>
            </thead>
            <tbody>
              {list.products.map((p) => (
                <tr key={p.name}>
                  <td>{p.name}</td>
                  <td className="num">{p.quantity}</td>
                  <td className="check">☐</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** One order on paper: it goes with the flowers (recipient, address, time, what is inside). */
export function OrderSlip({
  order,
  storeName,
  names,
}: {
  order: BoardOrder;
  storeName: string;
  names: FlowerNames;
}) {
  const d = order.delivery;
  return (
    <>
      <h1>
        주문 {order.number}
        <span className="today-sheet-sub">{storeName}</span>
      </h1>
      <dl className="today-facts">
        <dt>{order.fulfilment === 'PICKUP' ? '픽업' : '배송'}</dt>
        <dd>
          {formatDay(serviceDay(order))} {timeOf(order)}
        </dd>
        {d && (
          <>
            <dt>받는 분</dt>
            <dd>
              {d.recipientName} · {formatPhone(d.phone)}
            </dd>
            <dt>주소</dt>
            <dd>
              ({d.zipCode}) {d.street}
              {d.detail ? ` ${d.detail}` : ''}
            </dd>
            {(d.anonymous || d.senderName) && (
              <>
                <dt>보내는 분</dt>
                <dd>{d.anonymous ? '익명 (받는 분께 알리지 않기)' : d.senderName}</dd>
              </>
            )}
            {d.note && (
              <>
                <dt>요청</dt>
                <dd>{d.note}</dd>
              </>
            )}
          </>
        )}
        {order.trackingNumber && (
          <>
            <dt>운송장</dt>
            <dd>{order.trackingNumber}</dd>
          </>
        )}
      </dl>
      <table className="today-table">
        <thead>
          <tr>
            <th scope="col">상품</th>
            <th scope="col" className="num">
              수량
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.productName}
                {line.recipe.length > 0 && (
                  <span className="today-sheet-recipe">{recipeText(line, names)}</span>
                )}
                {line.hasGiftCard && <span className="today-sheet-recipe">메시지 카드 동봉</span>}
              </td>
              <td className="num">{line.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="today-sheet-total">결제 금액 {formatWon(order.total)}</p>
    </>
  );
}
