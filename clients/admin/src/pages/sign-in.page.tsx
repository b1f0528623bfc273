import { gql } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  type AuthPayload,
  type Credentials,
  SignInForm,
  type TypedError,
  errorText,
  safeNext,
  useSession,
  useSessionStore,
} from '@bloom/client-shared';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

const LOG_IN = gql`
  mutation AdminLogIn($input: LogInInput!) {
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

/** Anyone may sign in here; the console itself then refuses whoever is not an admin. */
export function Page() {
  const session = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [logIn, { loading }] = useMutation<{ logIn: LogInResult }, { input: Credentials }>(LOG_IN);

  if (session) return <Navigate to={next} replace />;

  const submit = async (input: Credentials) => {
    setProblem(null);
    try {
      const result = (await logIn({ variables: { input } })).data?.logIn;
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
        message: `로그인하지 못했어요. 연결을 확인해 주세요. (${errorText(failure)})`,
      });
    }
  };

  return (
    <main className="admin-auth">
      <SignInForm
        className="card stack admin-auth-form"
        intro="운영자 계정으로 로그인해 주세요."
        problem={problem}
        loading={loading}
        onSubmit={(input) => void submit(input)}
        before={
          <div className="admin-auth-brand">
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span>Blooming Blooms 운영센터</span>
          </div>
        }
      />
    </main>
  );
}
