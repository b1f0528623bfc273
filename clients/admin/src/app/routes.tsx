import { Loading } from '@bloom/client-shared';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/not-found.page.js';
import { RequireAdmin } from './guard.js';
import { Layout } from './layout.js';

/** Pages load on demand. */
const page = (load: () => Promise<{ Page: ComponentType }>) => ({
  lazy: async () => ({ Component: (await load()).Page }),
});

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    hydrateFallbackElement: <Loading />,
    ...page(() => import('../pages/sign-in.page.js')),
  },
  {
    path: '/',
    element: (
      <RequireAdmin>
        <Layout />
      </RequireAdmin>
    ),
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, ...page(() => import('../pages/dashboard.page.js')) },
      { path: 'applications', ...page(() => import('../pages/applications.page.js')) },
      { path: 'users', ...page(() => import('../pages/users.page.js')) },
      { path: 'users/:id', ...page(() => import('../pages/user.page.js')) },
      { path: 'stores', ...page(() => import('../pages/stores.page.js')) },
      { path: 'stores/:id', ...page(() => import('../pages/store.page.js')) },
      { path: 'products', ...page(() => import('../pages/products.page.js')) },
      { path: 'orders', ...page(() => import('../pages/orders.page.js')) },
      { path: 'orders/:id', ...page(() => import('../pages/order.page.js')) },
      { path: 'money', ...page(() => import('../pages/money.page.js')) },
      { path: 'integrators', ...page(() => import('../pages/integrators.page.js')) },
      { path: 'health', ...page(() => import('../pages/health.page.js')) },
      { path: 'audit', ...page(() => import('../pages/audit.page.js')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
