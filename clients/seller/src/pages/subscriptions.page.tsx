import { SubscriptionsView } from './subscriptions/subscriptions-view.js';

/** Upcoming subscription deliveries of the store, by day. */
export function Page() {
  return <SubscriptionsView />;
}
