import { gql } from '@apollo/client';
import type { TypedError } from '@bloom/client-shared';

export const STORES = gql`
  query AdminStores($filter: AdminStoreFilter, $sort: StoreSort!, $first: Int, $after: String) {
    adminStores(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        id
        name
        status
        rating
        ratingCount
        createdAt
        address {
          regionCode
          regionName
          districtName
        }
        seller {
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

export const STORE = gql`
  query AdminStore($id: ID!) {
    store(id: $id) {
      id
      name
      description
      phone
      status
      rating
      ratingCount
      createdAt
      lowStockThreshold
      address {
        regionName
        districtName
        street
        detail
        zipCode
      }
      seller {
        id
        name
        email
      }
      flowerStock {
        flowerId
        available
      }
    }
    storeDailySales(storeId: $id) {
      date
      orderCount
      amount
    }
    storeOrders(storeId: $id, first: 10) {
      nodes {
        id
        number
        status
        total
        placedAt
      }
      totalCount
    }
    adminProducts(filter: { storeId: $id }, first: 50) {
      nodes {
        id
        name
        price
        saleStatus
      }
      totalCount
    }
    flowers {
      id
      name {
        ko
      }
    }
  }
`;

const STATUS_RESULT = `
  __typename
  ... on Store {
    id
    status
  }
  ... on StoreStatusTransitionError {
    code
    message
    currentStatus
  }
  ... on InvalidInputError {
    code
    message
    field
  }
`;

export const SUSPEND_STORE = gql`
  mutation AdminSuspendStore($storeId: ID!, $reason: String!) {
    suspendStore(storeId: $storeId, reason: $reason) {
      ${STATUS_RESULT}
    }
  }
`;

export const REOPEN_STORE = gql`
  mutation AdminReopenStore($storeId: ID!) {
    reopenStore(storeId: $storeId) {
      ${STATUS_RESULT}
    }
  }
`;

export const CLOSE_STORE = gql`
  mutation AdminCloseStore($storeId: ID!) {
    closeStore(storeId: $storeId) {
      ${STATUS_RESULT}
    }
  }
`;

export interface StoreRow {
  id: string;
  name: string;
  status: string;
  rating: number;
  ratingCount: number;
  createdAt: string;
  address: { regionCode: string; regionName: string | null; districtName: string | null };
  seller: { id: string; name: string };
}

export interface StoresData {
  adminStores: {
    nodes: StoreRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

export interface StoreDetail {
  store: {
    id: string;
    name: string;
    description: string;
    phone: string;
    status: string;
    rating: number;
    ratingCount: number;
    createdAt: string;
    lowStockThreshold: number | null;
    address: {
      regionName: string | null;
      districtName: string | null;
      street: string;
      detail: string;
      zipCode: string;
    };
    seller: { id: string; name: string; email: string | null };
    flowerStock: { flowerId: number; available: number }[];
  } | null;
  storeDailySales: { date: string; orderCount: number; amount: number }[];
  storeOrders: {
    nodes: { id: string; number: string; status: string; total: number; placedAt: string }[];
    totalCount: number;
  };
  adminProducts: {
    nodes: { id: string; name: string; price: number; saleStatus: string }[];
    totalCount: number;
  };
  flowers: { id: number; name: { ko: string } }[];
}

export type StoreStatusResult =
  | { __typename: 'Store'; id: string; status: string }
  | (TypedError & { __typename: string; currentStatus?: string });
