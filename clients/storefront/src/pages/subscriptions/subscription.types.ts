import type { AddressValue } from '../../ui/buy-fields.js';
import type { TypedError } from '@bloom/client-shared';
import type { OrderStatus } from '../../ui/buy-order-status.js';
import type { CycleKind, SubscriptionCycle } from '../../ui/buy-subscription.js';

export interface FlowerSubscription {
  id: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CANCELED';
  cycle: SubscriptionCycle;
  quantity: number;
  productName: string;
  leadDays: number;
  nextBillingDate: string | null;
  nextDeliveryDate: string | null;
  nextCycle: number | null;
  nextCharge: { subtotal: number; deliveryFee: number; total: number } | null;
  deliveryWindow: string;
  paused: boolean;
  pause: { from: string; until: string } | null;
  cardLast4: string;
  suspendedReason: string | null;
  endsAfterCycle: number | null;
  address: AddressValue;
  product: { id: string; name: string; images: { url: string }[] };
  store: {
    id: string;
    name: string;
    deliveryPolicy: { windows: { start: string; end: string }[] };
  };
  cycles: {
    cycle: number;
    deliveryDate: string;
    kind: CycleKind;
    amount: number;
    order: { id: string; status: OrderStatus } | null;
  }[];
}

/** What every change returns: the subscription as it is now, or why it did not change. */
export type ChangeResult =
  | ({ __typename: 'FlowerSubscription' } & FlowerSubscription)
  | ({
      __typename: 'SubscriptionStateError' | 'InvalidInputError' | 'PaymentMethodRefusedError';
    } & TypedError);

/** The change open under a subscription's card, if any. */
export type Panel = 'skip' | 'pause' | 'address' | 'date' | 'card' | 'cancel' | null;

/** What every panel is given: a change made closes it and says what changed. */
export interface PanelProps {
  subscription: FlowerSubscription;
  onDone: (message: string) => void;
  onClose: () => void;
}
