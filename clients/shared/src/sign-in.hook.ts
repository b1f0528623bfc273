import { gql } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TypedError } from './messages.js';
import { useSession, useSessionStore } from './session.context.js';
import type { AuthPayload } from './session.store.js';
import { type Credentials, safeNext } from './sign-in-form.js';
import { errorText } from './status.js';

type LogInResult =
  | ({ __typename: 'AuthPayload' } & AuthPayload)
  | ({ __typename: Exclude<string, 'AuthPayload'> } & TypedError);

const isAuthPayload = (r: LogInResult): r is { __typename: 'AuthPayload' } & AuthPayload =>
  r.__typename === 'AuthPayload';

/**
 * What a log-in answers, for each dashboard's own log-in mutation (its own operation name names
 * the caller in logs): `mutation SellerLogIn($input: LogInInput!) { logIn(input: $input) {
 * ...LogInResultFields } }` with this fragment interpolated.
 */
export const LOG_IN_RESULT = gql`
  fragment LogInResultFields on LogInResult {
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
`;

/**
 * Signing in to a dashboard: the log-in mutation, its typed failures as a problem to show, and
 * on success a clean cache, the new session and the page the person was sent from (`?next=`).
 */
export function useSignIn(document: DocumentNode) {
  const session = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [logIn, { loading }] = useMutation<{ logIn: LogInResult }, { input: Credentials }>(
    document,
  );

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

  return { signedIn: session !== null, next, problem, loading, submit };
}
