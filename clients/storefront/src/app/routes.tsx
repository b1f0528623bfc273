import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './layout.js';
import { NotFoundPage } from '../pages/not-found.page.js';
import { ShellSkeleton } from '../pages/home/shell-skeleton.js';
import { Loading } from '@bloom/client-shared';

/** Pages load on demand: a phone on a slow network downloads only the page it opens. */
const page = (load: () => Promise<{ Page: ComponentType }>) => ({
  lazy: async () => ({ Component: (await load()).Page }),
});

export const routes: RouteObject[] = [
  // The recipient's card stands alone: no shop header or tab bar around the message.
  {
    path: '/card/:id/:secret',
    hydrateFallbackElement: <Loading />,
    ...page(() => import('../pages/shared-card.page.js')),
  },
  {
    path: '/',
    element: <Layout />,
    // Shown while the first page's code loads: the shell index.html drew, not a spinner.
    hydrateFallbackElement: <ShellSkeleton />,
    children: [
      { index: true, ...page(() => import('../pages/home.page.js')) },
      { path: 'search', ...page(() => import('../pages/search.page.js')) },
      { path: 'products', ...page(() => import('../pages/products.page.js')) },
      { path: 'products/:id', ...page(() => import('../pages/product.page.js')) },
      { path: 'stores', ...page(() => import('../pages/stores.page.js')) },
      { path: 'stores/:id', ...page(() => import('../pages/store.page.js')) },
      { path: 'likes', ...page(() => import('../pages/likes.page.js')) },
      { path: 'cart', ...page(() => import('../pages/cart.page.js')) },
      { path: 'checkout', ...page(() => import('../pages/checkout.page.js')) },
      { path: 'pay', ...page(() => import('../pages/pay.page.js')) },
      { path: 'pay/return', ...page(() => import('../pages/pay.page.js')) },
      { path: 'orders', ...page(() => import('../pages/orders.page.js')) },
      { path: 'orders/:id', ...page(() => import('../pages/order.page.js')) },
      {
        path: 'reviews/new/:orderLineId',
        ...page(() => import('../pages/review/review-new.page.js')),
      },
      { path: 'subscriptions', ...page(() => import('../pages/subscriptions.page.js')) },
      { path: 'subscribe/:productId', ...page(() => import('../pages/subscribe.page.js')) },
      { path: 'notices', ...page(() => import('../pages/notices.page.js')) },
      { path: 'account', ...page(() => import('../pages/account.page.js')) },
      { path: 'sign-in', ...page(() => import('../pages/sign-in.page.js')) },
      { path: 'sign-up', ...page(() => import('../pages/sign-up.page.js')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
