import { gql } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  type AuthPayload,
  type TypedError,
  UserErrorNotice,
  errorText,
  inKorean,
  useSession,
  useSessionStore,
} from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

const LOG_IN = gql`
  mutation SellerLogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
        expiresIn
        user {
          id
          name
          email
          roles
        }
      }
      ... on InvalidCredentialsError {
        code
        message
      }
      ... on AccountSuspendedError {
        code
        message
      }
      ... on LoginThrottledError {
        code
        message
        retryAfter
      }
    }
  }
`;

type LogInResult =
  | ({ __typename: 'AuthPayload' } & AuthPayload)
  | ({ __typename: Exclude<string, 'AuthPayload'> } & TypedError);

const isAuthPayload = (r: LogInResult): r is { __typename: 'AuthPayload' } & AuthPayload =>
  r.__typename === 'AuthPayload';

/** Only a path of this app: `next` comes from the URL (no `//elsewhere`). */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/sign-in') ? '/' : next;
}

export function Page() {
  const session = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [logIn, { loading }] = useMutation<
    { logIn: LogInResult },
    { input: { email: string; password: string } }
  >(LOG_IN);

  if (session) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!email.trim() || !password) {
      setProblem({ code: 'REQUIRED', message: '이메일과 비밀번호를 입력해 주세요.' });
      return;
    }
    try {
      const result = (await logIn({ variables: { input: { email: email.trim(), password } } })).data
        ?.logIn;
      if (!result) return;
      if (!isAuthPayload(result)) {
        setProblem(result);
        return;
      }
      // Nothing cached while signed out (or as someone else) may show in the new session.
      await client.clearStore();
      store.signIn(result);
      await navigate(next, { replace: true });
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `로그인하지 못했습니다. 연결을 확인해 주세요. (${errorText(failure)})`,
      });
    }
  };

  return (
    <main className="seller-auth">
      <form className="card stack seller-auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="seller-auth-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Blooming Blooms 판매자센터</span>
        </div>
        <h1>로그인</h1>
        <p className="muted small">오늘 들어온 주문과 재고를 확인하려면 로그인해 주세요.</p>
        <label className="field">
          이메일
          <input
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          비밀번호
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <UserErrorNotice error={inKorean(problem)} />
        <button type="submit" className="button block" disabled={loading}>
          {loading ? '로그인 중…' : '로그인'}
        </button>
        <p className="muted small center">
          아직 판매자가 아니신가요? <Link to="/apply">판매자 신청</Link>
        </p>
      </form>
    </main>
  );
}
