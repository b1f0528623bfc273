import { Loading } from '@bloom/client-shared';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/not-found.page.js';
import { RequireSeller } from './guard.js';
import { Layout } from './layout.js';

/** Pages load on demand: the phone in the florist's pocket downloads only what it opens. */
const page = (load: () => Promise<{ Page: ComponentType }>) => ({
  lazy: async () => ({ Component: (await load()).Page }),
});

export const routes: RouteObject[] = [
  // Outside the dashboard frame: signed out, or signed in but not (yet) an approved seller.
  {
    path: '/sign-in',
    hydrateFallbackElement: <Loading />,
    ...page(() => import('../pages/sign-in.page.js')),
  },
  {
    path: '/apply',
    hydrateFallbackElement: <Loading />,
    ...page(() => import('../pages/apply.page.js')),
  },
  {
    path: '/',
    element: (
      <RequireSeller>
        <Layout />
      </RequireSeller>
    ),
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, ...page(() => import('../pages/today.page.js')) },
      { path: 'orders/:orderId', ...page(() => import('../pages/order.page.js')) },
      { path: 'products', ...page(() => import('../pages/products.page.js')) },
      { path: 'inventory', ...page(() => import('../pages/inventory.page.js')) },
      { path: 'coupons', ...page(() => import('../pages/coupons.page.js')) },
      { path: 'questions', ...page(() => import('../pages/questions.page.js')) },
      { path: 'subscriptions', ...page(() => import('../pages/subscriptions.page.js')) },
      { path: 'sales', ...page(() => import('../pages/sales.page.js')) },
      { path: 'store', ...page(() => import('../pages/store.page.js')) },
      { path: 'notices', ...page(() => import('../pages/notices.page.js')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
