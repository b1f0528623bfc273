import { gql } from '@apollo/client';

/* Six small lists of one period; well under the gateway's cost limit. */
export const DASHBOARD = gql`
  query AdminDashboard($days: Int!) {
    platformSummary(days: $days) {
      gmv
      orders
      failedCheckouts
      canceledOrders
    }
    platformDailySales(days: $days) {
      date
      orderCount
      amount
    }
    platformTopProducts(days: $days) {
      product {
        id
      }
      productName
      quantity
      amount
    }
    topStores(days: $days) {
      store {
        id
        name
      }
      orderCount
      amount
    }
    platformSignups(days: $days) {
      date
      customers
      sellers
    }
  }
`;

/* Apart: the subscriptions service answers it, and the rest must show without it. */
export const SUBSCRIPTION_STATS = gql`
  query AdminSubscriptionStats($days: Int!) {
    platformSubscriptionStats(days: $days) {
      started
      suspended
      canceled
    }
  }
`;

export interface DailySales {
  date: string;
  orderCount: number;
  amount: number;
}

export interface DashboardData {
  platformSummary: { gmv: number; orders: number; failedCheckouts: number; canceledOrders: number };
  platformDailySales: DailySales[];
  platformTopProducts: {
    product: { id: string };
    productName: string;
    quantity: number;
    amount: number;
  }[];
  topStores: { store: { id: string; name: string }; orderCount: number; amount: number }[];
  platformSignups: { date: string; customers: number; sellers: number }[];
}

export interface SubscriptionStatsData {
  platformSubscriptionStats: { started: number; suspended: number; canceled: number };
}
