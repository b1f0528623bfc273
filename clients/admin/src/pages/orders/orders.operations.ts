import type { PaymentMethod } from '@bloom/client-shared';
import { gql } from '@apollo/client';

export const ORDERS = gql`
  query AdminOrders($filter: AdminOrderFilter, $first: Int, $after: String) {
    adminOrders(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        number
        status
        fulfilment
        total
        placedAt
        failure {
          code
          message
        }
        store {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

export const ORDER_STORY = gql`
  query AdminOrderStory($orderId: ID!) {
    orderStory(orderId: $orderId) {
      order {
        id
        number
        status
        fulfilment
        subtotal
        discount
        deliveryFee
        total
        paymentMethod
        placedAt
        confirmedAt
        completedAt
        trackingNumber
        pickupAt
        failure {
          code
          message
        }
        cancellation {
          code
          message
        }
        delivery {
          recipientName
          phone
          street
          detail
          deliveryDate
          window
          senderName
          senderPhone
          anonymous
        }
        lines {
          id
          productName
          unitPrice
          quantity
          amount
        }
        store {
          id
          name
        }
      }
      steps {
        step
        status
        attempts
        startedAt
        finishedAt
        error
      }
      transitions {
        from
        to
        at
        actorKind
        reason
      }
      payments {
        id
        kind
        amount
        status
        at
        reference
        failureReason
      }
      events {
        id
        type
        at
        source
      }
    }
    orderNotices(orderId: $orderId) {
      id
      kind
      recipientRole
      channels
      title
      sentAt
      read
    }
  }
`;

export interface OrderRow {
  id: string;
  number: string;
  status: string;
  fulfilment: string;
  total: number;
  placedAt: string;
  failure: { code: string; message: string } | null;
  store: { id: string; name: string };
}

export interface OrdersData {
  adminOrders: {
    nodes: OrderRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

export interface OrderStoryData {
  orderStory: {
    order: {
      id: string;
      number: string;
      status: string;
      fulfilment: string;
      subtotal: number;
      discount: number;
      deliveryFee: number;
      total: number;
      placedAt: string;
      paymentMethod: PaymentMethod;
      confirmedAt: string | null;
      completedAt: string | null;
      trackingNumber: string | null;
      pickupAt: string | null;
      failure: { code: string; message: string } | null;
      cancellation: { code: string; message: string } | null;
      delivery: {
        recipientName: string;
        phone: string;
        street: string;
        detail: string;
        deliveryDate: string;
        window: string;
        senderName: string | null;
        senderPhone: string | null;
        anonymous: boolean;
      } | null;
      lines: {
        id: string;
        productName: string;
        unitPrice: number;
        quantity: number;
        amount: number;
      }[];
      store: { id: string; name: string };
    };
    steps: {
      step: string;
      status: string;
      attempts: number;
      startedAt: string;
      finishedAt: string | null;
      error: string | null;
    }[];
    transitions: {
      from: string;
      to: string;
      at: string;
      actorKind: string;
      reason: string | null;
    }[];
    payments: {
      id: string;
      kind: string;
      amount: number;
      status: string;
      at: string;
      reference: string | null;
      failureReason: string | null;
    }[];
    events: { id: string; type: string; at: string; source: string }[];
  } | null;
  orderNotices: {
    id: string;
    kind: string;
    recipientRole: string;
    channels: string[];
    title: string;
    sentAt: string;
    read: boolean;
  }[];
}
