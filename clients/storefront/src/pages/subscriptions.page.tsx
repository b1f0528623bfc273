import { SignInRequired, useSession } from '@bloom/client-shared';
import { SubscriptionList } from './subscriptions/subscription-list.js';

/** The shopper's flower subscriptions and their changes: skip, pause, date, address, card. */
export function Page() {
  const session = useSession();
  if (!session) return <SignInRequired what="정기구독" />;
  return <SubscriptionList />;
}
