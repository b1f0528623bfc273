import { gql } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ErrorNotice,
  Icon,
  type IconName,
  useSession,
  useSessionStore,
} from '@bloom/client-shared';

const ME = gql`
  query Me {
    me {
      id
      name
      email
      phone
      emailVerified
    }
    unreadNoticeCount
  }
`;

const LOG_OUT = gql`
  mutation LogOut($refreshToken: String!) {
    logOut(refreshToken: $refreshToken)
  }
`;

interface MeData {
  me: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    emailVerified: boolean;
  } | null;
  unreadNoticeCount: number;
}

const LINKS = [
  ['/orders', 'flower', '주문 내역', '배송·픽업 주문과 진행 상황'],
  ['/subscriptions', 'repeat', '정기구독', '다음 배송, 건너뛰기, 일시정지'],
  ['/notices', 'bell', '알림', '주문 확정, 배송 출발, 재입고'],
  ['/likes', 'heart', '찜', '찜한 꽃과 꽃집'],
  ['/cart', 'cart', '장바구니', '담아 둔 꽃'],
] as const satisfies readonly (readonly [string, IconName, string, string])[];

export function Page() {
  const session = useSession();
  if (!session) {
    return (
      <div className="empty account-required">
        <span className="account-hero">
          <Icon name="flower" size={48} />
        </span>
        <p>
          로그인하면 주문 내역, 정기구독,
          <br />
          알림을 한곳에서 볼 수 있어요.
        </p>
        <Link className="button block account-cta" to="/sign-in?next=%2Faccount">
          로그인
        </Link>
        <Link className="button secondary block account-cta" to="/sign-up?next=%2Faccount">
          회원가입
        </Link>
      </div>
    );
  }
  return <Account name={session.user.name} />;
}

function Account({ name }: { name: string }) {
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery<MeData>(ME, { fetchPolicy: 'cache-and-network' });
  const [logOut] = useMutation<{ logOut: boolean }, { refreshToken: string }>(LOG_OUT);
  const [leaving, setLeaving] = useState(false);
  const me = data?.me;

  const signOut = async () => {
    setLeaving(true);
    const refreshToken = store.get()?.refreshToken;
    // Signing out on this phone must work offline too: the server-side end is best effort.
    if (refreshToken) await logOut({ variables: { refreshToken } }).catch(() => undefined);
    await client.clearStore();
    store.signOut();
    await navigate('/', { replace: true });
  };

  return (
    <div className="stack">
      <section className="card account-who" aria-label="내 계정">
        <span className="account-avatar" aria-hidden>
          {(me?.name ?? name).slice(0, 1)}
        </span>
        <div>
          <strong>{me?.name ?? name}님</strong>
          {me?.email && <p className="muted small">{me.email}</p>}
          {me?.phone && <p className="muted small">{me.phone}</p>}
        </div>
      </section>
      {error && !data && <ErrorNotice error={error} retry={() => void refetch()} />}
      <nav aria-label="내 메뉴">
        <ul className="account-links">
          {LINKS.map(([to, icon, title, hint]) => (
            <li key={to}>
              <Link to={to}>
                <span className="account-link-icon">
                  <Icon name={icon} />
                </span>
                <span className="account-link-text">
                  <strong>{title}</strong>
                  <span className="muted small">{hint}</span>
                </span>
                {to === '/notices' && (data?.unreadNoticeCount ?? 0) > 0 && (
                  <span className="status-pill">{data?.unreadNoticeCount}</span>
                )}
                <span aria-hidden className="muted">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="button secondary block"
        disabled={leaving}
        onClick={() => void signOut()}
      >
        {leaving ? '로그아웃 중…' : '로그아웃'}
      </button>
    </div>
  );
}
