import { gql } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useSessionStore } from '@bloom/client-shared';
import { useNavigate } from 'react-router';

const LOG_OUT = gql`
  mutation AdminLogOut($refreshToken: String!) {
    logOut(refreshToken: $refreshToken)
  }
`;

/** Ends the session here and (best effort) on the server, then back to the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logOut] = useMutation<{ logOut: boolean }, { refreshToken: string }>(LOG_OUT);
  return async () => {
    const refreshToken = store.get()?.refreshToken;
    if (refreshToken) await logOut({ variables: { refreshToken } }).catch(() => undefined);
    await client.clearStore();
    store.signOut();
    await navigate('/sign-in', { replace: true });
  };
}
