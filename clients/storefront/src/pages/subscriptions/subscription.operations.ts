import { gql } from '@apollo/client';
import { INVALID_INPUT } from '@bloom/client-shared';

const SUBSCRIPTION_FIELDS = gql`
  fragment SubscriptionFields on FlowerSubscription {
    id
    status
    cycle
    quantity
    productName
    leadDays
    nextBillingDate
    nextDeliveryDate
    nextCycle
    nextCharge {
      subtotal
      deliveryFee
      total
    }
    deliveryWindow
    paused
    pause {
      from
      until
    }
    cardLast4
    suspendedReason
    endsAfterCycle
    address {
      recipientName
      phone
      zipCode
      line1
      line2
    }
    product {
      id
      name
      images {
        url
      }
    }
    store {
      id
      name
      deliveryPolicy {
        windows {
          start
          end
        }
      }
    }
    cycles {
      cycle
      deliveryDate
      kind
      amount
      order {
        id
        status
      }
    }
  }
`;

export const MY_SUBSCRIPTIONS = gql`
  query MySubscriptions {
    mySubscriptions {
      ...SubscriptionFields
    }
  }
  ${SUBSCRIPTION_FIELDS}
`;

/** Every change returns the subscription as it is now; the cache updates it by id. */
const RESULT = `
  __typename
  ... on FlowerSubscription {
    ...SubscriptionFields
  }
  ... on SubscriptionStateError {
    code
    message
  }
  ...InvalidInputFields
`;
/** The fragments `RESULT` spreads, for the mutations that select it. */
const RESULT_FRAGMENTS = gql`
  ${SUBSCRIPTION_FIELDS}
  ${INVALID_INPUT}
`;

export const SKIP = gql`
  mutation SkipNextCycle($id: ID!, $cycle: Int) {
    skipNextSubscriptionCycle(id: $id, cycle: $cycle) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
export const PAUSE = gql`
  mutation PauseSubscription($id: ID!, $from: String!, $until: String!) {
    pauseSubscription(id: $id, from: $from, until: $until) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
export const RESUME = gql`
  mutation ResumeSubscription($id: ID!) {
    resumeSubscription(id: $id) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
export const CHANGE_ADDRESS = gql`
  mutation ChangeSubscriptionAddress(
    $id: ID!
    $address: SubscriptionAddressInput!
    $deliveryWindow: String
  ) {
    changeSubscriptionAddress(id: $id, address: $address, deliveryWindow: $deliveryWindow) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
export const CHANGE_DATE = gql`
  mutation ChangeSubscriptionDate($id: ID!, $date: String!) {
    changeSubscriptionDate(id: $id, date: $date) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
export const CHANGE_CARD = gql`
  mutation ChangeSubscriptionCard($id: ID!, $card: CardInput!) {
    changeSubscriptionCard(id: $id, card: $card) {
      __typename
      ... on FlowerSubscription {
        ...SubscriptionFields
      }
      ... on SubscriptionStateError {
        code
        message
      }
      ... on PaymentMethodRefusedError {
        code
        message
      }
    }
  }
  ${SUBSCRIPTION_FIELDS}
`;
export const CANCEL = gql`
  mutation CancelSubscription($id: ID!) {
    cancelSubscription(id: $id) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
