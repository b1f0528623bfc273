import { gql } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSessionStore } from '../app/session.context.js';
import { AUTH_PAYLOAD, type AuthResult, isAuthPayload, safeNext } from '../ui/account-auth.js';
import { inKorean, type TypedError } from '../ui/buy-messages.js';
import { UserErrorNotice } from '../ui/status.js';

const LOG_IN = gql`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ...AuthPayloadFields
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
      }
      ... on LoginThrottledError {
        retryAfter
      }
    }
  }
  ${AUTH_PAYLOAD}
`;

interface LogInData {
  logIn: AuthResult;
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
    LogInData,
    { input: { email: string; password: string } }
  >(LOG_IN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const { data } = await logIn({ variables: { input: { email: email.trim(), password } } });
      const result = data?.logIn;
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
        message: `로그인하지 못했습니다. 연결을 확인해 주세요. (${failure instanceof Error ? failure.message : String(failure)})`,
      });
    }
  };

  if (session) {
    return (
      <div className="empty">
        <p>{session.user.name}님으로 로그인되어 있습니다.</p>
        <Link className="button" to={next}>
          계속하기
        </Link>
      </div>
    );
  }

  return (
    <form className="account-form stack" onSubmit={(event) => void submit(event)} noValidate>
      <h1>로그인</h1>
      <p className="muted small">주문, 정기구독, 알림을 보려면 로그인해 주세요.</p>
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
      <button type="submit" className="button block" disabled={loading || !email || !password}>
        {loading ? '로그인 중…' : '로그인'}
      </button>
      <p className="center small">
        처음이신가요? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>회원가입</Link>
      </p>
    </form>
  );
}
