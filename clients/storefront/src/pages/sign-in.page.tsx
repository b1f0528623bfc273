import { gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { AUTH_PAYLOAD, type AuthResult, useAuthForm } from '../ui/account-auth.js';
import { AlreadySignedIn } from '../ui/account-required.js';
import { type Credentials, SignInForm } from '@bloom/client-shared';

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
  const { session, next, problem, authenticate } = useAuthForm('로그인하지 못했어요.');
  const [logIn, { loading }] = useMutation<LogInData, { input: Credentials }>(LOG_IN);

  if (session) return <AlreadySignedIn name={session.user.name} next={next} />;

  return (
    <SignInForm
      className="account-form stack"
      intro="주문, 정기구독, 알림을 보려면 로그인해 주세요."
      problem={problem}
      loading={loading}
      onSubmit={(input) =>
        void authenticate(async () => (await logIn({ variables: { input } })).data?.logIn)
      }
      after={
        <p className="center small">
          처음이신가요? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>회원가입</Link>
        </p>
      }
    />
  );
}
