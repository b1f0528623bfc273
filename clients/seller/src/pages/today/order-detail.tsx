import { useQuery } from '@apollo/client/react';
import { ErrorNotice, Loading } from '@bloom/client-shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Refused } from '../../app/refused.js';
import { type FlowerNames, OrderCard } from './order-card.js';
import { OrderSlip, PrintView } from './print-sheets.js';
import { FLOWERS, ORDER_DETAIL, RECIPES } from './today.operations.js';
import type { BoardOrder, FlowersData, OrderDetailData, RecipesData } from './today.types.js';
import './today.css';

/** `/orders/:orderId`: one order of the store, worked like on the board; anyone else's: refused. */
export function OrderDetail({ orderId }: { orderId: string }) {
  const detail = useQuery<OrderDetailData, { orderId: string }>(ORDER_DETAIL, {
    variables: { orderId },
    fetchPolicy: 'cache-and-network',
  });
  const recipes = useQuery<RecipesData>(RECIPES, { fetchPolicy: 'cache-and-network' });
  const flowers = useQuery<FlowersData>(FLOWERS);
  const [printing, setPrinting] = useState(false);
  const names: FlowerNames = useMemo(
    () => new Map((flowers.data?.flowers ?? []).map((f) => [f.id, f.name.ko])),
    [flowers.data],
  );

  if (detail.loading && !detail.data) return <Loading label="주문을 불러오는 중…" />;
  if (!detail.data) {
    return <ErrorNotice error={detail.error} retry={() => void detail.refetch()} />;
  }
  const { order, myStore } = detail.data;
  // Belt and braces: the API already hides other stores' orders (null).
  if (!order || !myStore || order.store.id !== myStore.id) return <Refused what="주문" />;

  const recipeOf = new Map((recipes.data?.sellerProducts.nodes ?? []).map((p) => [p.id, p.recipe]));
  const board: BoardOrder = {
    ...order,
    lines: order.lines.map((l) => ({ ...l, recipe: recipeOf.get(l.product.id) ?? [] })),
  };
  if (printing) {
    return (
      <PrintView title="주문 전표" onBack={() => setPrinting(false)}>
        <OrderSlip order={board} storeName={myStore.name} names={names} />
      </PrintView>
    );
  }
  return (
    <div className="today-page today-detail stack">
      <div className="today-top">
        <h1 className="today-title">주문 {order.number}</h1>
        <Link className="button secondary" to="/">
          ← 주문 보드
        </Link>
      </div>
      <OrderCard
        order={board}
        names={names}
        fresh={false}
        onChanged={() => void detail.refetch().catch(() => undefined)}
        onSlip={() => setPrinting(true)}
      />
    </div>
  );
}
