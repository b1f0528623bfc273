import { gql } from '@apollo/client';
import { INVALID_INPUT } from '@bloom/client-shared';

export const MY_STORE = gql`
  query TodayStore {
    myStore {
      id
      name
      businessHours {
        closedWeekdays
      }
    }
  }
`;

const BOARD_ORDER = gql`
  fragment BoardOrderFields on Order {
    id
    number
    fulfilment
    status
    total
    placedAt
    pickupAt
    trackingNumber
    delivery {
      recipientName
      phone
      zipCode
      street
      detail
      deliveryDate
      window
      note
      senderName
      anonymous
    }
    cancellation {
      code
      message
    }
    lines {
      id
      productName
      quantity
      hasGiftCard
      product {
        id
      }
    }
  }
`;

/*
 * The gateway caps each operation's cost (docs/gateway-limits.md: lists without a size count
 * as 10 items), so the board reads in three operations: unfinished orders (any date: today's,
 * tomorrow's and overdue ones are kept), those finished recently, and the recipes. The API
 * filters by placing time only, so the service day is picked on the client.
 */
export const ACTIVE_ORDERS = gql`
  query TodayActiveOrders($storeId: ID!) {
    storeOrders(
      storeId: $storeId
      filter: { statuses: [CONFIRMED, PREPARING, SHIPPING, READY] }
      first: 40
    ) {
      nodes {
        ...BoardOrderFields
      }
    }
  }
  ${BOARD_ORDER}
`;

export const FINISHED_ORDERS = gql`
  query TodayFinishedOrders($storeId: ID!, $since: DateTimeISO!) {
    storeOrders(
      storeId: $storeId
      filter: { statuses: [DELIVERED, PICKED_UP, CANCELED], from: $since }
      first: 20
    ) {
      nodes {
        ...BoardOrderFields
      }
    }
  }
  ${BOARD_ORDER}
`;

/** One order by id: null when it is not this seller's (the API shows a seller only theirs). */
export const ORDER_DETAIL = gql`
  query SellerOrderDetail($orderId: ID!) {
    order(id: $orderId) {
      ...BoardOrderFields
      store {
        id
      }
    }
    myStore {
      id
      name
    }
  }
  ${BOARD_ORDER}
`;

/** The recipes of the store's products (the order line has the product's id only). */
export const RECIPES = gql`
  query TodayRecipes {
    sellerProducts(first: 100) {
      nodes {
        id
        recipe {
          flowerId
          count
        }
      }
    }
  }
`;

export const FLOWERS = gql`
  query TodayFlowers {
    flowers {
      id
      name {
        ko
      }
    }
  }
`;

export const LIVE_NOTICES = gql`
  subscription TodayLive {
    notificationAdded {
      id
      kind
      title
      body
      order {
        id
      }
    }
  }
`;

export const ADVANCE = gql`
  mutation TodayAdvanceOrder($orderId: ID!, $to: OrderStatus!, $trackingNumber: String) {
    advanceOrder(orderId: $orderId, to: $to, trackingNumber: $trackingNumber) {
      __typename
      ... on Order {
        id
        status
        trackingNumber
        updatedAt
      }
      ... on OrderNotFoundError {
        code
        message
      }
      ... on InvalidTransitionError {
        code
        message
      }
      ...InvalidInputFields
    }
  }
  ${INVALID_INPUT}
`;

export const CANCEL = gql`
  mutation TodayCancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {
      __typename
      ... on Order {
        id
        status
        trackingNumber
        updatedAt
        cancellation {
          code
          message
        }
      }
      ... on OrderNotFoundError {
        code
        message
      }
      ... on InvalidTransitionError {
        code
        message
      }
      ...InvalidInputFields
    }
  }
  ${INVALID_INPUT}
`;
