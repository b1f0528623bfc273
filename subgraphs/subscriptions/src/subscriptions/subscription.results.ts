import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Subscription } from './subscription.entity.js';
import {
  PaymentMethodRefusedError,
  ProductNotSubscribableError,
  SubscriptionStateError,
} from './subscription.errors.js';

export const SubscribeResult = createUnionType({
  name: 'SubscribeResult',
  types: () =>
    [
      Subscription,
      ProductNotSubscribableError,
      PaymentMethodRefusedError,
      InvalidInputError,
    ] as const,
});

export const SubscriptionChangeResult = createUnionType({
  name: 'SubscriptionChangeResult',
  types: () => [Subscription, SubscriptionStateError, InvalidInputError] as const,
});

export const SubscriptionCardChangeResult = createUnionType({
  name: 'SubscriptionCardChangeResult',
  types: () => [Subscription, SubscriptionStateError, PaymentMethodRefusedError] as const,
});
