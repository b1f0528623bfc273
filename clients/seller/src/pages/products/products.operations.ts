import { gql } from '@apollo/client';
import { INVALID_INPUT, type TypedError } from '@bloom/client-shared';
import type { PageInfo } from '../../app/more-button.js';

export type SaleStatus = 'ON_SALE' | 'SOLD_OUT' | 'DISCONTINUED' | 'DELETED';

const PRODUCT = gql`
  fragment SellerProductFields on Product {
    id
    name
    summary
    description
    price
    category
    tags
    saleStatus
    isSubscription
    availableQuantity
    images {
      key
      url
    }
    recipe {
      flowerId
      count
      representative
    }
  }
`;

export const SELLER_PRODUCTS = gql`
  query SellerProducts($status: SaleStatus, $after: String) {
    sellerProducts(first: 30, status: $status, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...SellerProductFields
      }
    }
  }
  ${PRODUCT}
`;

/** A product by id, for a link to one not on the loaded list; `storeId` says whose it is. */
export const PRODUCT_BY_ID = gql`
  query SellerProductById($id: ID!) {
    product(id: $id) {
      ...SellerProductFields
      storeId
    }
    myStore {
      id
    }
  }
  ${PRODUCT}
`;

export interface ProductByIdData {
  product: (SellerProduct & { storeId: string }) | null;
  myStore: { id: string } | null;
}

export const PRODUCT_CATALOG = gql`
  query SellerProductCatalog {
    flowers {
      id
      name {
        ko
      }
    }
    categories {
      key
      name {
        ko
      }
    }
    tags {
      key
      name {
        ko
      }
    }
  }
`;

const RESULT = gql`
  fragment SellerProductResult on ProductResult {
    __typename
    ...SellerProductFields
    ...InvalidInputFields
    ... on NoStoreError {
      code
      message
    }
    ... on SubscriptionProductExistsError {
      code
      message
    }
    ... on ProductNotFoundError {
      code
      message
    }
  }
  ${PRODUCT}
  ${INVALID_INPUT}
`;

export const CREATE_PRODUCT = gql`
  mutation SellerCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...SellerProductResult
    }
  }
  ${RESULT}
`;

export const UPDATE_PRODUCT = gql`
  mutation SellerUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      ...SellerProductResult
    }
  }
  ${RESULT}
`;

export const SET_PRODUCT_STATUS = gql`
  mutation SellerSetProductStatus($id: ID!, $status: SaleStatus!) {
    setProductStatus(id: $id, status: $status) {
      ...SellerProductResult
    }
  }
  ${RESULT}
`;

export const DELETE_PRODUCT = gql`
  mutation SellerDeleteProduct($id: ID!) {
    deleteProduct(id: $id) {
      __typename
      ... on Product {
        id
        saleStatus
      }
      ... on ProductNotFoundError {
        code
        message
      }
    }
  }
`;

export interface RecipeLine {
  flowerId: number;
  count: number;
  representative: boolean;
}

export interface ProductImage {
  key: string;
  url: string;
}

export interface SellerProduct {
  id: string;
  name: string;
  summary: string;
  description: string;
  price: number;
  category: string | null;
  tags: string[];
  saleStatus: SaleStatus;
  isSubscription: boolean;
  availableQuantity: number;
  images: ProductImage[];
  recipe: RecipeLine[];
}

export interface SellerProductsData {
  sellerProducts: { totalCount: number; pageInfo: PageInfo; nodes: SellerProduct[] };
}

export interface CatalogData {
  flowers: { id: number; name: { ko: string } }[];
  categories: { key: string; name: { ko: string } }[];
  tags: { key: string; name: { ko: string } }[];
}

export type ProductResult =
  | ({ __typename: 'Product' } & SellerProduct)
  | (TypedError & {
      __typename:
        | 'InvalidInputError'
        | 'NoStoreError'
        | 'SubscriptionProductExistsError'
        | 'ProductNotFoundError';
    });

export interface ProductInput {
  name: string;
  summary: string;
  description: string;
  images: string[];
  price: number;
  /** Left out for a subscription product (it has no category or tags). */
  category?: string;
  tags?: string[];
  recipe: RecipeLine[];
  /** Creation only: whether a product is a subscription product never changes. */
  isSubscription?: boolean;
}

export const STATUS_LABEL: Record<SaleStatus, string> = {
  ON_SALE: '판매 중',
  SOLD_OUT: '품절',
  DISCONTINUED: '판매 중지',
  DELETED: '삭제됨',
};
