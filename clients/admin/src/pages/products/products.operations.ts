import { gql } from '@apollo/client';
import type { TypedError } from '@bloom/client-shared';

export const PRODUCTS = gql`
  query AdminProducts(
    $status: SaleStatus
    $filter: ProductFilter
    $sort: ProductSort!
    $first: Int
    $after: String
  ) {
    adminProducts(status: $status, filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        id
        name
        price
        category
        saleStatus
        salesCount
        ratingAverage
        ratingCount
        createdAt
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

/** The store picker of the filters: every store by name. */
export const STORE_CHOICES = gql`
  query AdminProductStores {
    adminStores(sort: NEWEST, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`;

export const SET_STATUS = gql`
  mutation AdminSetProductStatus($id: ID!, $status: SaleStatus!) {
    setProductStatus(id: $id, status: $status) {
      __typename
      ... on Product {
        id
        saleStatus
      }
      ... on ProductNotFoundError {
        code
        message
      }
      ... on InvalidInputError {
        code
        message
        field
      }
      ... on NoStoreError {
        code
        message
      }
      ... on SubscriptionProductExistsError {
        code
        message
      }
    }
  }
`;

export const DELETE_PRODUCTS = gql`
  mutation AdminDeleteProducts($ids: [ID!]!) {
    deleteProducts(ids: $ids) {
      deletedIds
    }
  }
`;

export interface ProductRow {
  id: string;
  name: string;
  price: number;
  category: string | null;
  saleStatus: string;
  salesCount: number;
  ratingAverage: number;
  ratingCount: number;
  createdAt: string;
  store: { id: string; name: string };
}

export interface ProductsData {
  adminProducts: {
    nodes: ProductRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

export interface StoreChoices {
  adminStores: { nodes: { id: string; name: string }[] };
}

export type SetStatusResult =
  { __typename: 'Product'; id: string; saleStatus: string } | (TypedError & { __typename: string });
