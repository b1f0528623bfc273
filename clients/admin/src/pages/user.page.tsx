import { useMutation, useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  type TypedError,
  formatInstant,
  formatPhone,
  formatWon,
  isValidBusinessNumber,
  useToast,
} from '@bloom/client-shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ActionDialog } from '../ui/action-dialog.js';
import {
  ORDER_STATUS_LABEL,
  ROLE_LABEL,
  SELLER_STATUS_LABEL,
  USER_STATUS_LABEL,
  labelOf,
  tone,
} from '../ui/labels.js';
import {
  type AdminUser,
  REINSTATE_USER,
  SUSPEND_USER,
  type SuspendResult,
  USER,
  USER_ORDERS,
  type UserDetail,
  type UserOrders,
} from './users/users.operations.js';

function Facts({ user }: { user: UserDetail }) {
  return (
    <dl className="admin-facts">
      <dt>이메일</dt>
      <dd>
        {user.email ?? '—'}{' '}
        {user.emailVerified ? '' : <span className="muted small">(미인증)</span>}
      </dd>
      <dt>휴대폰</dt>
      <dd>{user.phone ? formatPhone(user.phone) : '—'}</dd>
      <dt>역할</dt>
      <dd>{user.roles.map((r) => labelOf(ROLE_LABEL, r)).join(', ')}</dd>
      <dt>가입</dt>
      <dd>{formatInstant(user.createdAt)}</dd>
      <dt>저장한 주소</dt>
      <dd>{user.addressCount.toLocaleString('ko-KR')}개</dd>
      <dt>API 키</dt>
      <dd>
        {user.apiKeyCount > 0 ? (
          <Link to={`/integrators?owner=${encodeURIComponent(user.email ?? '')}`}>
            {user.apiKeyCount.toLocaleString('ko-KR')}개
          </Link>
        ) : (
          '없음'
        )}
      </dd>
    </dl>
  );
}

function SellerFacts({ seller }: { seller: NonNullable<AdminUser['seller']> }) {
  return (
    <section className="card" aria-labelledby="seller-facts">
      <h2 id="seller-facts">판매자 신청</h2>
      <dl className="admin-facts">
        <dt>상호</dt>
        <dd>{seller.businessName}</dd>
        <dt>사업자등록번호</dt>
        <dd>
          <span className="mono">{seller.businessRegistrationNumber}</span>{' '}
          {isValidBusinessNumber(seller.businessRegistrationNumber)
            ? '(검증번호 맞음)'
            : '(검증번호 틀림)'}
        </dd>
        <dt>상태</dt>
        <dd>
          <span className={`status-pill ${tone(seller.status)}`}>
            {labelOf(SELLER_STATUS_LABEL, seller.status)}
          </span>
        </dd>
        <dt>신청</dt>
        <dd>{formatInstant(seller.appliedAt)}</dd>
        {seller.decidedAt && (
          <>
            <dt>결정</dt>
            <dd>{formatInstant(seller.decidedAt)}</dd>
          </>
        )}
        {seller.rejectionReason && (
          <>
            <dt>반려 사유</dt>
            <dd>{seller.rejectionReason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The customer's last orders, each linking to its story. */
function RecentOrders({ userId }: { userId: string }) {
  const query = useQuery<{ user: UserOrders | null }>(USER_ORDERS, {
    variables: { id: userId },
    fetchPolicy: 'cache-and-network',
  });
  if (query.error && !query.data) {
    return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  }
  const orders = query.data?.user?.orders;
  if (!orders) return <Loading />;
  return (
    <section className="card" aria-labelledby="user-orders">
      <div className="row">
        <h2 id="user-orders">주문 ({orders.totalCount.toLocaleString('ko-KR')}건)</h2>
        {orders.totalCount > orders.nodes.length && (
          <Link to={`/orders?customerId=${userId}`}>모두 보기</Link>
        )}
      </div>
      {orders.nodes.length === 0 ? (
        <Empty>주문한 적이 없어요.</Empty>
      ) : (
        <table className="admin-table compact">
          <thead>
            <tr>
              <th scope="col">주문번호</th>
              <th scope="col">매장</th>
              <th scope="col">상태</th>
              <th scope="col">금액</th>
              <th scope="col">주문 시각</th>
            </tr>
          </thead>
          <tbody>
            {orders.nodes.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link className="mono" to={`/orders/${o.id}`}>
                    {o.number}
                  </Link>
                </td>
                <td>{o.store.name}</td>
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
  );
}

export function Page() {
  const { id = '' } = useParams();
  const toast = useToast();
  const query = useQuery<{ user: UserDetail | null }>(USER, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [suspend] = useMutation<{ suspendUser: SuspendResult }>(SUSPEND_USER);
  const [reinstate] = useMutation<{ reinstateUser: SuspendResult }>(REINSTATE_USER);
  const [dialog, setDialog] = useState<'suspend' | 'reinstate' | null>(null);

  if (query.error && !query.data) {
    return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  }
  if (!query.data) return <Loading />;
  const user = query.data.user;
  if (!user) {
    return (
      <div className="empty">
        <p>회원을 찾을 수 없어요.</p>
        <Link className="button" to="/users">
          회원 목록으로
        </Link>
      </div>
    );
  }

  const done = (result: SuspendResult | undefined, text: string): TypedError | null => {
    if (result?.__typename === 'User') {
      toast({ title: text });
      return null;
    }
    return (
      (result as TypedError | undefined) ?? { code: 'UNEXPECTED', message: '처리하지 못했어요.' }
    );
  };

  return (
    <section className="admin-section">
      <Link to="/users" className="admin-back">
        ← 회원 목록
      </Link>
      <header className="admin-head">
        <div>
          <h1>{user.name}</h1>
          <span className={`status-pill ${tone(user.status)}`}>
            {labelOf(USER_STATUS_LABEL, user.status)}
          </span>
        </div>
        {!user.roles.includes('ADMIN') && user.status === 'ACTIVE' && (
          <button type="button" className="button danger" onClick={() => setDialog('suspend')}>
            이용 정지
          </button>
        )}
        {user.status === 'SUSPENDED' && (
          <button type="button" className="button" onClick={() => setDialog('reinstate')}>
            정지 풀기
          </button>
        )}
      </header>
      <div className="admin-grid">
        <section className="card" aria-labelledby="user-facts">
          <h2 id="user-facts">계정</h2>
          <Facts user={user} />
        </section>
        {user.seller && <SellerFacts seller={user.seller} />}
      </div>
      <RecentOrders userId={user.id} />
      {dialog === 'suspend' && (
        <ActionDialog
          title={`${user.name} 님의 이용을 정지할까요?`}
          confirmLabel="정지하기"
          danger
          reason={{ label: '정지 사유', placeholder: '예: 허위 주문을 반복했어요.' }}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const result = await suspend({ variables: { userId: user.id, reason } });
            return done(result.data?.suspendUser, `${user.name} 님의 이용을 정지했어요.`);
          }}
        >
          <p className="muted">정지하면 바로 로그아웃되고, 판매자라면 매장도 함께 정지돼요.</p>
        </ActionDialog>
      )}
      {dialog === 'reinstate' && (
        <ActionDialog
          title={`${user.name} 님의 정지를 풀까요?`}
          confirmLabel="정지 풀기"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await reinstate({ variables: { userId: user.id } });
            return done(result.data?.reinstateUser, `${user.name} 님의 정지를 풀었어요.`);
          }}
        />
      )}
    </section>
  );
}
