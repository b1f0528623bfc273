import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { routes } from './routes.js';
import { SessionContext } from './session.context.js';
import type { SessionStore } from './session.store.js';

const router = createBrowserRouter(routes);

export function App({ client, session }: { client: ApolloClient; session: SessionStore }) {
  return (
    <SessionContext value={session}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </SessionContext>
  );
}
