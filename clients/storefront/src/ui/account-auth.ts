import { gql } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type AuthPayload,
  errorText,
  safeNext,
  type TypedError,
  useSession,
  useSessionStore,
} from '@bloom/client-shared';

/** What a sign-in or sign-up returns on success: the session's tokens and who it is. */
export const AUTH_PAYLOAD = gql`
  fragment AuthPayloadFields on AuthPayload {
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
`;

export type AuthResult =
  | ({ __typename: 'AuthPayload' } & AuthPayload)
  | ({ __typename: Exclude<string, 'AuthPayload'> } & TypedError);

const isAuthPayload = (result: AuthResult): result is { __typename: 'AuthPayload' } & AuthPayload =>
  result.__typename === 'AuthPayload';

/**
 * The sign-in and sign-up forms: `authenticate` sends the form and either shows the typed error
 * or starts the session and goes on to `next`. `failed` begins the sentence for a lost
 * connection ("로그인하지 못했어요.").
 */
export function useAuthForm(failed: string) {
  const session = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<TypedError | null>(null);

  const authenticate = async (send: () => Promise<AuthResult | undefined>) => {
    setProblem(null);
    try {
      const result = await send();
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
        message: `${failed} 연결을 확인해 주세요. (${errorText(failure)})`,
      });
    }
  };

  return { session, next, problem, setProblem, authenticate };
}
