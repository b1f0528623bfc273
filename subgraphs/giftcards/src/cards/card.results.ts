import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import {
  CardLockedError,
  CardNotAllowedError,
  CardUnavailableError,
  GiftCardExistsError,
  GiftCardNotFoundError,
  OrderLineNotFoundError,
  ShareLinkRateLimitedError,
} from './card.errors.js';
import { GiftCardShare, SharedGiftCard } from './card.types.js';
import { GiftCard } from './gift-card.entity.js';

// Expected outcomes of each card operation, as typed unions a client can switch on by __typename.

export const WriteGiftCardResult = createUnionType({
  name: 'WriteGiftCardResult',
  types: () =>
    [
      GiftCardShare,
      InvalidInputError,
      OrderLineNotFoundError,
      CardNotAllowedError,
      GiftCardExistsError,
    ] as const,
});

export const EditGiftCardResult = createUnionType({
  name: 'EditGiftCardResult',
  types: () => [GiftCard, InvalidInputError, GiftCardNotFoundError, CardLockedError] as const,
});

export const RenewGiftCardLinkResult = createUnionType({
  name: 'RenewGiftCardLinkResult',
  types: () => [GiftCardShare, GiftCardNotFoundError] as const,
});

export const SharedCardResult = createUnionType({
  name: 'SharedCardResult',
  types: () => [SharedGiftCard, CardUnavailableError, ShareLinkRateLimitedError] as const,
});
