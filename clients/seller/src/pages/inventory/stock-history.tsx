import { useQuery } from '@apollo/client/react';
import { ErrorNotice, Loading, formatInstant } from '@bloom/client-shared';
import { MoreButton, appendPage } from '../../app/more-button.js';
import { type HistoryData, SELLER_INVENTORY_HISTORY } from './inventory.operations.js';
import { KIND_LABEL } from './inventory-messages.js';

const signed = (n: number) => (n > 0 ? `+${n.toLocaleString('ko-KR')}` : n.toLocaleString('ko-KR'));

/** The flower's ledger, newest first: what changed, why, and what was left. */
export function StockHistory({ flowerId }: { flowerId: number }) {
  const { data, error, loading, refetch, fetchMore } = useQuery<
    HistoryData,
    { flowerId: number; after?: string }
  >(SELLER_INVENTORY_HISTORY, { variables: { flowerId }, fetchPolicy: 'cache-and-network' });
  const history = data?.myStore?.inventoryHistory;
  const more = (after: string) =>
    fetchMore({
      variables: { after },
      updateQuery: (shown, { fetchMoreResult }) => {
        const next = fetchMoreResult.myStore;
        if (!shown.myStore || !next) return shown;
        return {
          myStore: {
            ...shown.myStore,
            inventoryHistory: appendPage(shown.myStore.inventoryHistory, next.inventoryHistory),
          },
        };
      },
    });
  return (
    <section className="inv-history" aria-label="재고 기록">
      <h3>최근 기록</h3>
      {loading && !history && <Loading />}
      {error && !history && <ErrorNotice error={error} retry={() => void refetch()} />}
      {history && history.nodes.length === 0 && <p className="muted small">아직 기록이 없어요.</p>}
      {history && history.nodes.length > 0 && (
        <ol className="inv-ledger">
          {history.nodes.map((m) => (
            <li key={m.id}>
              <span className="muted small">{formatInstant(m.at)}</span>
              <span>
                {KIND_LABEL[m.kind] ?? '변경'}
                {m.reason && <span className="muted"> · {m.reason}</span>}
              </span>
              <span className={m.availableDelta < 0 ? 'inv-minus' : 'inv-plus'}>
                {m.availableDelta === 0 ? '—' : signed(m.availableDelta)}
              </span>
              <span className="muted small">남은 {m.available.toLocaleString('ko-KR')}</span>
            </li>
          ))}
        </ol>
      )}
      <MoreButton pageInfo={history?.pageInfo} onMore={more} label="이전 기록 더 보기" />
    </section>
  );
}
