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
    <main className="seller-auth">
      <SignInForm
        className="card stack seller-auth-form"
        intro="오늘 들어온 주문과 재고를 확인하려면 로그인해 주세요."
        problem={problem}
        loading={loading}
        onSubmit={(input) => void submit(input)}
        before={
          <div className="seller-auth-brand">
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span>Blooming Blooms 판매자센터</span>
          </div>
        }
        after={
          <p className="muted small center">
            아직 판매자가 아니신가요? <Link to="/apply">판매자 신청</Link>
          </p>
        }
      />
    </main>
  );
}
