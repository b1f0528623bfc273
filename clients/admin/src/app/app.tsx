import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { SessionContext, type SessionStore, ToastProvider } from '@bloom/client-shared';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { routes } from './routes.js';

const router = createBrowserRouter(routes);

export function App({ client, session }: { client: ApolloClient; session: SessionStore }) {
  return (
    <SessionContext value={session}>
      <ApolloProvider client={client}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </ApolloProvider>
    </SessionContext>
  );
}
