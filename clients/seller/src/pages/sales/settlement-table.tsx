import { Empty, downloadCsv, formatMonth, formatWon, seoulDay } from '@bloom/client-shared';
import type { Settlement } from './sales.operations.js';
import { settlementsCsv } from './settlements-csv.js';

/** Monthly settlements, newest first: gross, the commission, what is paid out; CSV for the books. */
export function SettlementTable({
  settlements,
  storeName,
}: {
  settlements: Settlement[];
  storeName: string;
}) {
  const exportCsv = () =>
    downloadCsv(`${storeName} 정산내역 ${seoulDay()}.csv`, settlementsCsv(settlements));

  return (
    <section className="card sales-section" aria-labelledby="sales-settlements">
      <div className="sales-section-head">
        <div>
          <h2 id="sales-settlements">월별 정산</h2>
          <p className="muted small">
            배송·픽업이 끝난 주문을 달마다 정산해요. 수수료를 빼고 등록한 계좌로 지급돼요.
          </p>
        </div>
        <button
          type="button"
          className="button secondary sales-csv"
          onClick={exportCsv}
          disabled={settlements.length === 0}
        >
          엑셀용 CSV 받기
        </button>
      </div>
      {settlements.length === 0 ? (
        <Empty>아직 정산 내역이 없어요. 첫 정산은 주문이 완료된 달이 지나면 만들어져요.</Empty>
      ) : (
        <div className="sales-table-wrap">
          <table className="sales-table">
            <thead>
              <tr>
                <th scope="col">정산월</th>
                <th scope="col">주문</th>
                <th scope="col">매출</th>
                <th scope="col">수수료</th>
                <th scope="col">지급액</th>
              </tr>
            </thead>
            <tbody>
              {settlements.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{formatMonth(s.month)}</th>
                  <td>{s.orderCount.toLocaleString('ko-KR')}건</td>
                  <td>{formatWon(s.gross)}</td>
                  <td>
                    {formatWon(s.commission)}
                    <span className="sales-percent muted small">{s.commissionPercent}%</span>
                  </td>
                  <td>
                    <strong>{formatWon(s.payout)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
