import { Empty, Loading, formatInstant } from '@bloom/client-shared';
import { useHealth } from './health/health.hook.js';

const SUBGRAPH_LABEL: Record<string, string> = {
  identity: '계정',
  stores: '매장',
  products: '상품',
  orders: '주문',
  subscriptions: '정기배송',
  giftcards: '메시지 카드',
  notifications: '알림',
};

/** "3일 4시간째 실행 중", "방금 시작했어요": how long the gateway has been up. */
function uptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days}일 ${hours}시간째 실행 중`;
  if (hours > 0) return `${hours}시간 ${minutes}분째 실행 중`;
  return minutes > 0 ? `${minutes}분째 실행 중` : '방금 시작했어요';
}

const count = (n: number) => n.toLocaleString('ko-KR');

/** The last check, to the second: it changes every five. */
const clock = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Readiness and versions of the gateway and every subgraph, and the event streams' backlog. */
export function Page() {
  const { health, failed } = useHealth();
  return (
    <section className="admin-section">
      <header className="admin-head">
        <div>
          <h1>시스템 상태</h1>
          <p className="muted small">5초마다 새로 확인해요.</p>
        </div>
        {health && (
          <span className="muted small" data-testid="health-checked">
            {clock.format(new Date(health.checkedAt))}에 확인
          </span>
        )}
      </header>
      {failed && (
        <p className="notice error" role="alert">
          상태를 불러오지 못했어요. 게이트웨이가 응답하지 않거나 권한이 없어요.
        </p>
      )}
      {!health ? (
        failed ? null : (
          <Loading />
        )
      ) : (
        <>
          <section className="card" aria-labelledby="health-services">
            <h2 id="health-services">서비스</h2>
            <table className="admin-table compact">
              <thead>
                <tr>
                  <th scope="col">서비스</th>
                  <th scope="col">상태</th>
                  <th scope="col">버전</th>
                  <th scope="col">응답 시간</th>
                  <th scope="col">비고</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">게이트웨이</th>
                  <td>
                    <span
                      className={`status-pill ${health.gateway.status === 'ready' ? 'good' : 'bad'}`}
                    >
                      {health.gateway.status === 'ready' ? '정상' : '일부 장애'}
                    </span>
                  </td>
                  <td className="mono">{health.gateway.version}</td>
                  <td>—</td>
                  <td>{uptime(health.gateway.uptimeSeconds)}</td>
                </tr>
                {health.subgraphs.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">
                      {SUBGRAPH_LABEL[s.name] ?? s.name}{' '}
                      <span className="muted small">{s.name}</span>
                    </th>
                    <td>
                      <span className={`status-pill ${s.ready ? 'good' : 'bad'}`}>
                        {s.ready ? '정상' : '응답 없음'}
                      </span>
                    </td>
                    <td className="mono">{s.version ?? '—'}</td>
                    <td>{count(Math.round(s.latencyMs))}ms</td>
                    <td className="small">{s.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="health-streams">
            <h2 id="health-streams">이벤트 스트림</h2>
            {health.streamsError && (
              <p className="notice error">스트림 상태를 읽지 못했어요: {health.streamsError}</p>
            )}
            {health.streams.length === 0 ? (
              <Empty>스트림이 없어요.</Empty>
            ) : (
              <table className="admin-table compact">
                <thead>
                  <tr>
                    <th scope="col">스트림 / 구독자</th>
                    <th scope="col">쌓인 메시지</th>
                    <th scope="col">전달 대기</th>
                    <th scope="col">확인 대기</th>
                    <th scope="col">재전송</th>
                    <th scope="col">마지막 활동</th>
                  </tr>
                </thead>
                {health.streams.map((stream) => (
                  <tbody key={stream.name}>
                    <tr className="admin-stream">
                      <th scope="row">{stream.name}</th>
                      <td>{count(stream.messages)}</td>
                      <td colSpan={4} className="muted small">
                        {count(Math.round(stream.bytes / 1024))}KB
                        {/* Followers (live subscriptions, replicas) come and go under random names. */}
                        {stream.consumers.some((c) => !c.durable) &&
                          ` · 임시 구독자 ${count(stream.consumers.filter((c) => !c.durable).length)}개`}
                      </td>
                    </tr>
                    {stream.consumers
                      .filter((c) => c.durable)
                      .map((c) => (
                        <tr key={c.name} className={c.pending > 0 ? 'lagging' : undefined}>
                          <td className="admin-consumer">{c.name}</td>
                          <td>—</td>
                          <td>{count(c.pending)}</td>
                          <td>{count(c.ackPending)}</td>
                          <td>{count(c.redelivered)}</td>
                          <td>{c.lastActiveAt ? formatInstant(c.lastActiveAt) : '—'}</td>
                        </tr>
                      ))}
                  </tbody>
                ))}
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}
