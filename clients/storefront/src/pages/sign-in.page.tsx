import { gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { AUTH_PAYLOAD, type AuthResult, useAuthForm } from '../ui/account-auth.js';
import { AlreadySignedIn } from '../ui/account-required.js';
import { inKorean, UserErrorNotice } from '@bloom/client-shared';

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
  const { session, next, problem, authenticate } = useAuthForm('로그인하지 못했습니다.');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [logIn, { loading }] = useMutation<
    LogInData,
    { input: { email: string; password: string } }
  >(LOG_IN);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void authenticate(
      async () =>
        (await logIn({ variables: { input: { email: email.trim(), password } } })).data?.logIn,
    );
  };

  if (session) return <AlreadySignedIn name={session.user.name} next={next} />;

  return (
    <form className="account-form stack" onSubmit={submit} noValidate>
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
