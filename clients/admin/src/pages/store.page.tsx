import { useMutation, useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  type TypedError,
  formatInstant,
  formatPhone,
  formatWon,
  useToast,
} from '@bloom/client-shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ActionDialog } from '../ui/action-dialog.js';
import {
  ORDER_STATUS_LABEL,
  SALE_STATUS_LABEL,
  STORE_STATUS_LABEL,
  labelOf,
  tone,
} from '../ui/labels.js';
import {
  CLOSE_STORE,
  REOPEN_STORE,
  STORE,
  SUSPEND_STORE,
  type StoreDetail,
  type StoreStatusResult,
} from './stores/stores.operations.js';

/** The stores subgraph's default when the seller set none. */
const DEFAULT_LOW_STOCK = 50;

type Dialog = 'suspend' | 'reopen' | 'close';

export function Page() {
  const { id = '' } = useParams();
  const toast = useToast();
  const query = useQuery<StoreDetail>(STORE, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [suspend] = useMutation<{ suspendStore: StoreStatusResult }>(SUSPEND_STORE);
  const [reopen] = useMutation<{ reopenStore: StoreStatusResult }>(REOPEN_STORE);
  const [close] = useMutation<{ closeStore: StoreStatusResult }>(CLOSE_STORE);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (query.error && !query.data) {
    return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  }
  if (!query.data) return <Loading />;
  const { store, storeDailySales, storeOrders, adminProducts, flowers } = query.data;
  if (!store) {
    return (
      <div className="empty">
        <p>매장을 찾을 수 없어요.</p>
        <Link className="button" to="/stores">
          매장 목록으로
        </Link>
      </div>
    );
  }

  const done = async (result: StoreStatusResult | undefined, text: string) => {
    if (result?.__typename === 'Store') {
      toast({ title: text });
      await query.refetch();
      return null;
    }
    return (
      (result as TypedError | undefined) ?? { code: 'UNEXPECTED', message: '처리하지 못했어요.' }
    );
  };
  const flowerName = new Map(flowers.map((f) => [f.id, f.name.ko]));
  const threshold = store.lowStockThreshold ?? DEFAULT_LOW_STOCK;
  // Flowers at 0 are mostly ones the shop does not sell at all: named in one line, not listed.
  const low = store.flowerStock
    .filter((s) => s.available > 0 && s.available <= threshold)
    .sort((a, b) => a.available - b.available);
  const none = store.flowerStock
    .filter((s) => s.available === 0)
    .map((s) => flowerName.get(s.flowerId) ?? `꽃 ${s.flowerId}`);
  const week = storeDailySales.reduce(
    (sum, d) => ({ amount: sum.amount + d.amount, orders: sum.orders + d.orderCount }),
    { amount: 0, orders: 0 },
  );

  return (
    <section className="admin-section">
      <Link to="/stores" className="admin-back">
        ← 매장 목록
      </Link>
      <header className="admin-head">
        <div>
          <h1>{store.name}</h1>
          <span className={`status-pill ${tone(store.status)}`}>
            {labelOf(STORE_STATUS_LABEL, store.status)}
          </span>
        </div>
        <div className="row-actions">
          {store.status === 'OPEN' && (
            <button type="button" className="button danger" onClick={() => setDialog('suspend')}>
              영업 정지
            </button>
          )}
          {store.status !== 'OPEN' && (
            <button type="button" className="button" onClick={() => setDialog('reopen')}>
              다시 열기
            </button>
          )}
          {store.status === 'OPEN' && (
            <button type="button" className="button secondary" onClick={() => setDialog('close')}>
              매장 닫기
            </button>
          )}
        </div>
      </header>
      <div className="admin-grid">
        <section className="card" aria-labelledby="store-facts">
          <h2 id="store-facts">매장 정보</h2>
          <dl className="admin-facts">
            <dt>판매자</dt>
            <dd>
              <Link to={`/users/${store.seller.id}`}>{store.seller.name}</Link>{' '}
              <span className="muted small">{store.seller.email}</span>
            </dd>
            <dt>전화</dt>
            <dd>{formatPhone(store.phone)}</dd>
            <dt>주소</dt>
            <dd>
              {store.address.street} {store.address.detail} ({store.address.zipCode})
            </dd>
            <dt>평점</dt>
            <dd>
              {store.ratingCount > 0
                ? `${store.rating.toFixed(1)} (리뷰 ${store.ratingCount.toLocaleString('ko-KR')}개)`
                : '아직 리뷰가 없어요'}
            </dd>
            <dt>최근 7일</dt>
            <dd>
              {formatWon(week.amount)} · 주문 {week.orders.toLocaleString('ko-KR')}건
            </dd>
            <dt>개설</dt>
            <dd>{formatInstant(store.createdAt)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="store-stock">
          <h2 id="store-stock">재고 알림</h2>
          <p className="muted small">{threshold}송이 이하로 남은 꽃이에요.</p>
          {low.length === 0 ? (
            <Empty>남은 꽃 중에 부족한 꽃이 없어요.</Empty>
          ) : (
            <ul className="admin-list">
              {low.map((s) => (
                <li key={s.flowerId}>
                  <span>{flowerName.get(s.flowerId) ?? `꽃 ${s.flowerId}`}</span>
                  <strong className="text-bad">{s.available.toLocaleString('ko-KR')}송이</strong>
                </li>
              ))}
            </ul>
          )}
          {none.length > 0 && (
            <p className="muted small">
              재고 없는 꽃 {none.length}종: {none.join(', ')}
            </p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="store-orders">
        <div className="row">
          <h2 id="store-orders">최근 주문 ({storeOrders.totalCount.toLocaleString('ko-KR')}건)</h2>
          {storeOrders.totalCount > storeOrders.nodes.length && (
            <Link to={`/orders?storeId=${store.id}`}>모두 보기</Link>
          )}
        </div>
        {storeOrders.nodes.length === 0 ? (
          <Empty>아직 주문이 없어요.</Empty>
        ) : (
          <table className="admin-table compact">
            <thead>
              <tr>
                <th scope="col">주문번호</th>
                <th scope="col">상태</th>
                <th scope="col">금액</th>
                <th scope="col">주문 시각</th>
              </tr>
            </thead>
            <tbody>
              {storeOrders.nodes.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link className="mono" to={`/orders/${o.id}`}>
                      {o.number}
                    </Link>
                  </td>
                  <td>
                    <span className={`status-pill ${tone(o.status)}`}>
                      {labelOf(ORDER_STATUS_LABEL, o.status)}
                    </span>
                  </td>
                  <td>{formatWon(o.total)}</td>
                  <td>{formatInstant(o.placedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="store-products">
        <h2 id="store-products">상품 ({adminProducts.totalCount.toLocaleString('ko-KR')}개)</h2>
        {adminProducts.nodes.length === 0 ? (
          <Empty>등록한 상품이 없어요.</Empty>
        ) : (
          <ul className="admin-list">
            {adminProducts.nodes.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <span className="row-actions">
                  <span>{formatWon(p.price)}</span>
                  <span className={`status-pill ${tone(p.saleStatus)}`}>
                    {labelOf(SALE_STATUS_LABEL, p.saleStatus)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {dialog === 'suspend' && (
        <ActionDialog
          title={`${store.name} 영업을 정지할까요?`}
          confirmLabel="정지하기"
          danger
          reason={{
            label: '정지 사유 (판매자에게 보여요)',
            placeholder: '예: 고객 민원 확인 중이에요.',
          }}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const result = await suspend({ variables: { storeId: store.id, reason } });
            return done(result.data?.suspendStore, `${store.name} 영업을 정지했어요.`);
          }}
        >
          <p className="muted">정지하는 동안 이 매장의 상품은 스토어에 보이지 않아요.</p>
        </ActionDialog>
      )}
      {dialog === 'reopen' && (
        <ActionDialog
          title={`${store.name}을(를) 다시 열까요?`}
          confirmLabel="다시 열기"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await reopen({ variables: { storeId: store.id } });
            return done(result.data?.reopenStore, `${store.name}을(를) 다시 열었어요.`);
          }}
        />
      )}
      {dialog === 'close' && (
        <ActionDialog
          title={`${store.name}을(를) 닫을까요?`}
          confirmLabel="닫기"
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await close({ variables: { storeId: store.id } });
            return done(result.data?.closeStore, `${store.name}을(를) 닫았어요.`);
          }}
        >
          <p className="muted">
            닫는 동안 상품이 스토어에 보이지 않아요. 판매자나 운영자가 다시 열 수 있어요.
          </p>
        </ActionDialog>
      )}
    </section>
  );
}
