import { useQuery, useSubscription } from '@apollo/client/react';
import {
  ErrorNotice,
  formatInstant,
  Loading,
  useSession,
  useSessionStore,
} from '@bloom/client-shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useSignOut } from '../../app/sign-out.hook.js';
import { ApplyForm } from './apply-form.js';
import {
  APPLY_ME,
  APPLY_NOTICES,
  type ApplyMeData,
  type SellerProfile,
} from './apply.operations.js';
import { SellerSignUpForm } from './seller-sign-up-form.js';
import './apply.css';

/** A backup for the live notice (a dropped socket must not leave the page waiting forever). */
const PENDING_POLL_MS = 30_000;

/** `/apply`: sign up or apply, wait for the decision live, then go on to the store. */
export function ApplyScreen() {
  const session = useSession();
  const signOut = useSignOut();
  return (
    <main className="apply stack">
      <header className="apply-header">
        <div className="seller-auth-brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>Blooming Blooms 판매자센터</span>
        </div>
        {session && (
          <button type="button" className="button secondary" onClick={() => void signOut()}>
            로그아웃
          </button>
        )}
      </header>
      {session ? <SignedIn /> : <SellerSignUpForm />}
    </main>
  );
}

function SignedIn() {
  const session = useSession();
  const { data, loading, error, refetch } = useQuery<ApplyMeData>(APPLY_ME, {
    fetchPolicy: 'cache-and-network',
  });
  const seller = data?.me?.seller ?? null;
  const pending = seller?.status === 'PENDING';
  const approved = seller?.status === 'APPROVED';

  useQuery<ApplyMeData>(APPLY_ME, {
    fetchPolicy: 'network-only',
    pollInterval: PENDING_POLL_MS,
    skip: !pending,
  });
  useSubscription(APPLY_NOTICES, {
    skip: !pending,
    onData: () => void refetch(),
  });

  // The access token was issued before the approval and still says CUSTOMER only: a fresh
  // pair carries SELLER, so the dashboard's guard lets the seller in. Once per page.
  const sessions = useSessionStore();
  const refreshed = useRef(false);
  const hasSellerRole = session?.user.roles.includes('SELLER') ?? false;
  useEffect(() => {
    if (!approved || hasSellerRole || refreshed.current) return;
    refreshed.current = true;
    void sessions.refreshNow();
  }, [approved, hasSellerRole, sessions]);

  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (loading && !data) return <Loading />;
  if (!seller) return <ApplyForm />;
  if (seller.status === 'PENDING') return <Pending seller={seller} />;
  if (seller.status === 'APPROVED') return <Approved seller={seller} ready={hasSellerRole} />;
  return <Rejected seller={seller} />;
}

function Summary({ seller }: { seller: SellerProfile }) {
  return (
    <dl className="apply-summary">
      <dt>상호</dt>
      <dd>{seller.businessName}</dd>
      <dt>사업자등록번호</dt>
      <dd>{seller.businessRegistrationNumber}</dd>
      <dt>신청일</dt>
      <dd>{formatInstant(seller.appliedAt)}</dd>
      {seller.decidedAt && (
        <>
          <dt>결정일</dt>
          <dd>{formatInstant(seller.decidedAt)}</dd>
        </>
      )}
    </dl>
  );
}

function Pending({ seller }: { seller: SellerProfile }) {
  return (
    <section className="apply-state card stack" data-state="PENDING" aria-live="polite">
      <p className="apply-badge apply-badge-pending">심사 중</p>
      <h1>판매 신청을 확인하고 있어요</h1>
      <p>
        운영팀이 사업자 정보를 확인하고 있어요. 보통 영업일 하루 안에 결과를 알려 드려요. 결과가
        나오면 이 화면이 저절로 바뀌니 새로고침하지 않아도 돼요.
      </p>
      <Summary seller={seller} />
    </section>
  );
}

function Approved({ seller, ready }: { seller: SellerProfile; ready: boolean }) {
  return (
    <section className="apply-state card stack" data-state="APPROVED" aria-live="polite">
      <p className="apply-badge apply-badge-approved">승인 완료</p>
      <h1>판매자로 승인되었어요</h1>
      <p>이제 매장 정보를 입력하면 손님에게 꽃집이 보여요.</p>
      <Summary seller={seller} />
      {ready ? (
        <Link className="button block" to="/store">
          매장 설정하기
        </Link>
      ) : (
        <Loading label="판매자 화면을 준비하고 있어요…" />
      )}
    </section>
  );
}

function Rejected({ seller }: { seller: SellerProfile }) {
  return (
    <>
      <section className="apply-state card stack" data-state="REJECTED" aria-live="polite">
        <p className="apply-badge apply-badge-rejected">승인 거절</p>
        <h1>판매 신청이 승인되지 않았어요</h1>
        <div className="apply-reason">
          <p className="small muted">운영팀이 남긴 사유</p>
          <p>{seller.rejectionReason ?? '사유가 적혀 있지 않아요.'}</p>
        </div>
        <p>내용을 고쳐서 다시 신청할 수 있어요.</p>
        <Summary seller={seller} />
      </section>
      <ApplyForm
        again
        initial={{
          businessName: seller.businessName,
          businessRegistrationNumber: seller.businessRegistrationNumber,
        }}
      />
    </>
  );
}
