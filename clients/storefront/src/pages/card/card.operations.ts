import { gql } from '@apollo/client';
import { INVALID_INPUT, type TypedError } from '@bloom/client-shared';

export type TemplateColor = 'MIX' | 'PINK' | 'PURPLE' | 'YELLOW' | 'BLUE' | 'WHITE';
export type RecipientKey =
  | 'FATHER'
  | 'MOTHER'
  | 'SPOUSE'
  | 'SON'
  | 'DAUGHTER'
  | 'BROTHER'
  | 'SISTER'
  | 'LOVER'
  | 'FRIEND'
  | 'COLLEAGUE'
  | 'GRANDPARENT'
  | 'OLDER_BROTHER'
  | 'OLDER_SISTER'
  | 'YOUNGER_SIBLING'
  | 'SENIOR'
  | 'JUNIOR'
  | 'TEACHER';
export type SenderGender = 'MALE' | 'FEMALE';
export type CardTone = 'WARM' | 'FORMAL' | 'PLAYFUL' | 'ROMANTIC' | 'GRATEFUL';

export interface CardTemplate {
  key: string;
  color: TemplateColor;
  design: number;
  name: string;
  imageUrl: string;
}

export interface GiftCard {
  id: string;
  orderLineId: string;
  message: string;
  fromName: string | null;
  editable: boolean;
  updatedAt: string;
  template: CardTemplate;
}

/** The one moment the share secret is known: right after writing or renewing. */
export interface GiftCardShare {
  card: GiftCard;
  shareSecret: string;
}

export interface CardSuggestions {
  suggestions: string[];
  source: 'AI' | 'OFFLINE';
  flower: { id: string; name: string; meaning: string } | null;
  maxLength: number;
}

type Failure<T extends string> = TypedError & { __typename: T };

const TEMPLATE_FIELDS = gql`
  fragment CardTemplateFields on CardTemplate {
    key
    color
    design
    name
    imageUrl
  }
`;

const CARD_FIELDS = gql`
  fragment GiftCardFields on GiftCard {
    id
    orderLineId
    message
    fromName
    editable
    updatedAt
    template {
      ...CardTemplateFields
    }
  }
  ${TEMPLATE_FIELDS}
`;

/** The cards of an order's lines, read next to the order page's own query. */
export const ORDER_CARDS = gql`
  query OrderGiftCards($id: ID!) {
    order(id: $id) {
      id
      lines {
        id
        giftCard {
          ...GiftCardFields
        }
      }
    }
  }
  ${CARD_FIELDS}
`;
export interface OrderCardsData {
  order: { id: string; lines: { id: string; giftCard: GiftCard | null }[] } | null;
}

export const CARD_TEMPLATES = gql`
  query CardTemplates {
    cardTemplates {
      ...CardTemplateFields
    }
  }
  ${TEMPLATE_FIELDS}
`;

export const SUGGEST_CARD_MESSAGES = gql`
  query SuggestCardMessages($input: SuggestCardMessagesInput!) {
    suggestCardMessages(input: $input) {
      __typename
      ... on CardSuggestions {
        suggestions
        source
        maxLength
        flower {
          id
          name
          meaning
        }
      }
      ...InvalidInputFields
      ... on OrderLineNotFoundError {
        code
        message
      }
      ... on UnknownFlowerError {
        code
        message
      }
    }
  }
  ${INVALID_INPUT}
`;
export type SuggestResult =
  | (CardSuggestions & { __typename: 'CardSuggestions' })
  | Failure<'InvalidInputError' | 'OrderLineNotFoundError' | 'UnknownFlowerError'>;

const SHARE_FIELDS = gql`
  fragment GiftCardShareFields on GiftCardShare {
    shareSecret
    card {
      ...GiftCardFields
    }
  }
  ${CARD_FIELDS}
`;

export const WRITE_GIFT_CARD = gql`
  mutation WriteGiftCard($input: WriteGiftCardInput!) {
    writeGiftCard(input: $input) {
      __typename
      ...GiftCardShareFields
      ...InvalidInputFields
      ... on OrderLineNotFoundError {
        code
        message
      }
      ... on CardNotAllowedError {
        code
        message
      }
      ... on GiftCardExistsError {
        code
        message
      }
    }
  }
  ${SHARE_FIELDS}
  ${INVALID_INPUT}
`;
export type WriteResult =
  | (GiftCardShare & { __typename: 'GiftCardShare' })
  | Failure<
      'InvalidInputError' | 'OrderLineNotFoundError' | 'CardNotAllowedError' | 'GiftCardExistsError'
    >;

export const EDIT_GIFT_CARD = gql`
  mutation EditGiftCard($input: EditGiftCardInput!) {
    editGiftCard(input: $input) {
      __typename
      ...GiftCardFields
      ...InvalidInputFields
      ... on GiftCardNotFoundError {
        code
        message
      }
      ... on CardLockedError {
        code
        message
      }
    }
  }
  ${CARD_FIELDS}
  ${INVALID_INPUT}
`;
export type EditResult =
  | (GiftCard & { __typename: 'GiftCard' })
  | Failure<'InvalidInputError' | 'GiftCardNotFoundError' | 'CardLockedError'>;

export const RENEW_GIFT_CARD_LINK = gql`
  mutation RenewGiftCardLink($id: ID!) {
    renewGiftCardLink(id: $id) {
      __typename
      ...GiftCardShareFields
      ... on GiftCardNotFoundError {
        code
        message
      }
    }
  }
  ${SHARE_FIELDS}
`;
export type RenewResult =
  (GiftCardShare & { __typename: 'GiftCardShare' }) | Failure<'GiftCardNotFoundError'>;

export const SHARED_CARD = gql`
  query SharedCard($id: ID!, $secret: String!) {
    sharedCard(id: $id, secret: $secret) {
      __typename
      ... on SharedGiftCard {
        id
        message
        fromName
        template {
          ...CardTemplateFields
        }
      }
      ... on CardUnavailableError {
        code
        message
      }
      ... on ShareLinkRateLimitedError {
        code
        message
        retryAfterSeconds
      }
    }
  }
  ${TEMPLATE_FIELDS}
`;
export type SharedCardResult =
  | {
      __typename: 'SharedGiftCard';
      id: string;
      message: string;
      fromName: string | null;
      template: CardTemplate;
    }
  | Failure<'CardUnavailableError'>
  | (Failure<'ShareLinkRateLimitedError'> & { retryAfterSeconds: number });

/** The recipient's page in this storefront; the secret rides in the path, never in a query. */
export const cardLink = (share: GiftCardShare): string =>
  `${window.location.origin}/card/${share.card.id}/${share.shareSecret}`;
