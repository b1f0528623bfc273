import { InvalidInputError, simpleError } from '@bloom/kernel';
import { addDays, parseDay } from '../calendar/cycle-calendar.js';
import type { StoreProjection } from '../projections/catalog.entities.js';
import { type Subscription, SubscriptionStatus } from './subscription.entity.js';
import { SubscriptionStateError } from './subscription.errors.js';
import type { SubscribeInput, SubscriptionAddressInput } from './subscription.types.js';

export const stateError = (code: string, message: string) =>
  simpleError(SubscriptionStateError, code, message);

/** Refuses a change to a subscription that is not delivering (canceled or suspended). */
export function requireActive(subscription: Subscription): SubscriptionStateError | null {
  if (subscription.status === SubscriptionStatus.CANCELED) {
    return stateError('CANCELED', 'This subscription was canceled.');
  }
  if (subscription.status === SubscriptionStatus.SUSPENDED) {
    return stateError('SUSPENDED', 'This subscription is suspended; resume it first.');
  }
  return null;
}

/** What is wrong with a new subscription's own fields, before the catalogue is read. */
export function subscribeInputProblem(
  input: SubscribeInput,
  leadDays: number,
  today: string,
): InvalidInputError | null {
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 20) {
    return InvalidInputError.of('quantity', 'Choose between 1 and 20.');
  }
  if (!parseDay(input.firstDeliveryDate)) {
    return InvalidInputError.of('firstDeliveryDate', 'Use a calendar day, YYYY-MM-DD.');
  }
  if (addDays(input.firstDeliveryDate, -leadDays) < today) {
    return InvalidInputError.of(
      'firstDeliveryDate',
      `The first delivery must be at least ${leadDays} days from today.`,
    );
  }
  return checkAddress(input.address);
}

/**
 * The delivery window a subscription uses: one of the store's windows (the first when none is
 * asked for); empty when the store delivers at any time.
 */
export function chooseWindow(
  store: StoreProjection | null,
  asked: string | null | undefined,
): string | InvalidInputError {
  const windows = store?.windows ?? [];
  const wanted = asked?.replace(/\s/g, '') ?? '';
  if (windows.length === 0) return '';
  if (!wanted) return windows[0]!;
  if (windows.includes(wanted)) return wanted;
  return InvalidInputError.of('deliveryWindow', `Choose one of ${windows.join(', ')}.`);
}

export function checkAddress(address: SubscriptionAddressInput): InvalidInputError | null {
  if (!address.recipientName.trim()) {
    return InvalidInputError.of('address.recipientName', 'Who receives the flowers?');
  }
  if (!/^[0-9+\- ]{8,20}$/.test(address.phone)) {
    return InvalidInputError.of('address.phone', 'Enter a phone number.');
  }
  if (!address.line1.trim()) return InvalidInputError.of('address.line1', 'Enter the address.');
  return null;
}
