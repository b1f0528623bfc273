import { useQuery, useSubscription } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, formatDay, seoulDay, useToast } from '@bloom/client-shared';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { type FlowerNames, OrderCard } from './order-card.js';
import { useOrderSound } from './order-sound.js';
import { OrderSlip, PickListSheet, PrintView } from './print-sheets.js';
import {
  COLUMNS,
  type Column,
  type DayFilter,
  boardOrders,
  columnOf,
  nextDayLabel,
  nextOpenDay,
} from './today-board.js';
import {
  ACTIVE_ORDERS,
  FINISHED_ORDERS,
  FLOWERS,
  LIVE_NOTICES,
  RECIPES,
} from './today.operations.js';
import type {
  ApiOrder,
  BoardOrder,
  FlowersData,
  LiveNotice,
  OrdersData,
  RecipeLine,
  RecipesData,
} from './today.types.js';
import './today.css';

/** Finished orders placed in the last 30 days can still be due today or the next open day. */
const sinceThirtyDays = () => new Date(Date.now() - 30 * 86_400_000).toISOString();

const daysOf = (next: string): { key: DayFilter; label: string }[] => [
  { key: 'all', label: `오늘·${next}` },
  { key: 'today', label: '오늘' },
  { key: 'tomorrow', label: next },
];

/** The page's heading around a loading or failed board (the heading stays put). */
export function TodayFrame({ children }: { children: ReactNode }) {
  return (
    <div className="today-page">
      <h1 className="today-title">오늘 주문</h1>
      {children}
    </div>
  );
}

const withRecipes = (orders: ApiOrder[], recipeOf: Map<string, RecipeLine[]>): BoardOrder[] =>
  orders.map((o) => ({
    ...o,
    lines: o.lines.map((l) => ({ ...l, recipe: recipeOf.get(l.product.id) ?? [] })),
  }));

type Printing = { kind: 'picks'; day: 'today' | 'tomorrow' } | { kind: 'slip'; orderId: string };

/** Notices that change what the board shows. */
const BOARD_NOTICES = new Set(['NEW_ORDER', 'ORDER_CANCELED']);

export function TodayView({
  storeId,
  storeName,
  closedWeekdays,
}: {
  storeId: string;
  storeName: string;
  closedWeekdays: readonly number[];
}) {
  const toast = useToast();
  const sound = useOrderSound();
  const [since] = useState(sinceThirtyDays);
  const [day, setDay] = useState<DayFilter>('all');
  const [show, setShow] = useState<Column | 'all'>('all');
  const [printing, setPrinting] = useState<Printing | null>(null);
  // Orders that arrived live since the board was opened: marked until the florist looks.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const active = useQuery<OrdersData, { storeId: string }>(ACTIVE_ORDERS, {
    variables: { storeId },
    fetchPolicy: 'cache-and-network',
  });
  const finished = useQuery<OrdersData, { storeId: string; since: string }>(FINISHED_ORDERS, {
    variables: { storeId, since },
    fetchPolicy: 'cache-and-network',
  });
  const recipes = useQuery<RecipesData>(RECIPES, { fetchPolicy: 'cache-and-network' });
  const flowers = useQuery<FlowersData>(FLOWERS);
  const names: FlowerNames = useMemo(
    () => new Map((flowers.data?.flowers ?? []).map((f) => [f.id, f.name.ko])),
    [flowers.data],
  );
  const refetchActive = active.refetch;
  const refetchFinished = finished.refetch;
  const reload = useCallback(() => {
    void refetchActive().catch(() => undefined);
    void refetchFinished().catch(() => undefined);
  }, [refetchActive, refetchFinished]);

  useSubscription<LiveNotice>(LIVE_NOTICES, {
    onData: ({ data }) => {
      const notice = data.data?.notificationAdded;
      if (!notice || !BOARD_NOTICES.has(notice.kind)) return;
      reload();
      if (notice.kind === 'NEW_ORDER') {
        toast({ id: notice.id, title: '새 주문이 들어왔어요', body: notice.body });
        sound.play();
        const orderId = notice.order?.id;
        if (orderId) setFresh((all) => new Set(all).add(orderId));
      } else {
        toast({ id: notice.id, title: '주문이 취소됐어요', body: notice.body });
      }
    },
  });

  const recipeOf = useMemo(
    () => new Map((recipes.data?.sellerProducts.nodes ?? []).map((p) => [p.id, p.recipe])),
    [recipes.data],
  );
  const lists = useMemo(
    () =>
      [active.data, finished.data].map((d) => withRecipes(d?.storeOrders.nodes ?? [], recipeOf)),
    [active.data, finished.data, recipeOf],
  );
  // Computed per render: the board stays open across midnight.
  const next = nextOpenDay(closedWeekdays);
  const nextLabel = nextDayLabel(next);
  const orders = useMemo(() => boardOrders(lists, day, undefined, next), [lists, day, next]);

  if ((active.loading && !active.data) || (finished.loading && !finished.data)) {
    return (
      <TodayFrame>
        <Loading label="오늘 주문을 불러오는 중…" />
      </TodayFrame>
    );
  }
  const failure = (!active.data && active.error) || (!finished.data && finished.error);
  if (failure) {
    return (
      <TodayFrame>
        <ErrorNotice error={failure} retry={reload} />
      </TodayFrame>
    );
  }

  if (printing) {
    const back = () => setPrinting(null);
    if (printing.kind === 'picks') {
      const date = printing.day === 'today' ? seoulDay() : next;
      return (
        <PrintView title="준비할 꽃 목록" onBack={back}>
          <PickListSheet
            orders={boardOrders(lists, printing.day, undefined, next)}
            day={date}
            storeName={storeName}
            names={names}
          />
        </PrintView>
      );
    }
    const order = lists.flat().find((o) => o.id === printing.orderId);
    return (
      <PrintView title="주문 전표" onBack={back}>
        {order ? (
          <OrderSlip order={order} storeName={storeName} names={names} />
        ) : (
          <p>이 주문은 보드에서 빠졌어요.</p>
        )}
      </PrintView>
    );
  }

  const inColumn = (c: Column) => orders.filter((o) => columnOf(o) === c);
  const newlyArrived = orders.filter((o) => fresh.has(o.id) && columnOf(o) === 'new').length;
  const seeNew = () => {
    setShow('new');
    setFresh(new Set());
  };

  return (
    <div className="today-page">
      <div className="today-top">
        <div>
          <h1 className="today-title">오늘 주문</h1>
          <p className="small muted">
            {storeName} · {formatDay(seoulDay())}
          </p>
        </div>
        <div className="today-print-buttons">
          <button
            type="button"
            className="button secondary"
            aria-pressed={sound.on}
            onClick={sound.toggle}
          >
            {sound.on ? '주문 알림음 켜짐' : '주문 알림음 꺼짐'}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              setPrinting({ kind: 'picks', day: day === 'tomorrow' ? 'tomorrow' : 'today' })
            }
          >
            {day === 'tomorrow' ? nextLabel : '오늘'} 준비할 꽃
          </button>
        </div>
      </div>

      {newlyArrived > 0 && (
        <button type="button" className="today-arrived" onClick={seeNew}>
          <span className="today-badge" aria-hidden>
            {newlyArrived}
          </span>
          새 주문 {newlyArrived}건이 들어왔어요 · 보기
        </button>
      )}

      <div className="today-filters">
        <div className="today-segment" role="group" aria-label="날짜">
          {daysOf(nextLabel).map((d) => (
            <button
              key={d.key}
              type="button"
              aria-pressed={day === d.key}
              className={day === d.key ? 'active' : ''}
              onClick={() => setDay(d.key)}
            >
              {d.label}
            </button>
          ))}
        </div>
        <div className="today-states" role="group" aria-label="주문 상태">
          {COLUMNS.map((c) => {
            const n = inColumn(c.key).length;
            const on = show === c.key;
            return (
              <button
                key={c.key}
                type="button"
                aria-pressed={on}
                aria-label={`${c.label} ${n}건`}
                className={`today-state state-${c.key}${on ? ' active' : ''}`}
                onClick={() => (on ? setShow('all') : c.key === 'new' ? seeNew() : setShow(c.key))}
              >
                <span className="today-state-count">{n}</span>
                <span className="today-state-label">{c.short}</span>
                {c.key === 'new' && newlyArrived > 0 && <span className="today-dot" aria-hidden />}
              </button>
            );
          })}
        </div>
      </div>

      {orders.length === 0 ? (
        <Empty>
          <p>
            {day === 'tomorrow' ? nextLabel : day === 'today' ? '오늘' : `오늘과 ${nextLabel}`} 나갈
            주문이 아직 없어요.
          </p>
          <p className="small">새 주문이 들어오면 바로 여기에 보여 드려요.</p>
        </Empty>
      ) : (
        <div className={`today-columns${show === 'all' ? '' : ' single'}`}>
          {COLUMNS.filter((c) => show === 'all' || show === c.key).map((c) => {
            const list = inColumn(c.key);
            return (
              <section key={c.key} className={`today-column col-${c.key}`} aria-label={c.label}>
                <h2 className="today-column-title">
                  {c.label} <span className="today-count">{list.length}</span>
                  {show !== 'all' && (
                    <button type="button" className="today-link" onClick={() => setShow('all')}>
                      전체 보기
                    </button>
                  )}
                </h2>
                {list.length === 0 ? (
                  <p className="small muted today-none">{c.empty}</p>
                ) : (
                  list.map((order) => (
                    <OrderCard
                      key={order.id}
                      order={order}
                      names={names}
                      fresh={fresh.has(order.id)}
                      onChanged={() => {
                        // Handled: no longer "just arrived".
                        setFresh((all) => new Set([...all].filter((id) => id !== order.id)));
                        reload();
                      }}
                      onSlip={() => setPrinting({ kind: 'slip', orderId: order.id })}
                    />
                  ))
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
