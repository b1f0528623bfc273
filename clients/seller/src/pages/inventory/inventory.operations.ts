import { gql } from '@apollo/client';
import { INVALID_INPUT, type TypedError } from '@bloom/client-shared';
import type { PageInfo } from '../../app/more-button.js';

const ITEM = gql`
  fragment SellerInventoryItem on InventoryItem {
    flowerId
    available
    reserved
    onHand
    low
    updatedAt
  }
`;

export const SELLER_INVENTORY = gql`
  query SellerInventory {
    myStore {
      id
      name
      lowStockThreshold
      inventory {
        ...SellerInventoryItem
      }
    }
    flowers {
      id
      name {
        ko
      }
    }
  }
  ${ITEM}
`;

/** Live notices; the page listens for low stock (`STOCK_LOW`). */
export const INVENTORY_LIVE = gql`
  subscription SellerInventoryLive {
    notificationAdded {
      id
      kind
      title
      body
    }
  }
`;

export interface InventoryLiveNotice {
  notificationAdded: { id: string; kind: string; title: string; body: string };
}

export const SELLER_INVENTORY_HISTORY = gql`
  query SellerInventoryHistory($flowerId: Int!, $after: String) {
    myStore {
      id
      inventoryHistory(flowerId: $flowerId, first: 20, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          flowerId
          kind
          availableDelta
          reservedDelta
          available
          reserved
          orderId
          reason
          at
        }
      }
    }
  }
`;

const UPDATE = gql`
  fragment SellerInventoryUpdate on InventoryUpdate {
    adjustmentId
    items {
      ...SellerInventoryItem
    }
  }
  ${ITEM}
`;

export const SET_FLOWER_STOCK = gql`
  mutation SellerSetFlowerStock(
    $storeId: ID!
    $items: [FlowerQuantityInput!]!
    $reason: String
    $requestId: ID
  ) {
    setFlowerStock(storeId: $storeId, items: $items, reason: $reason, requestId: $requestId) {
      __typename
      ...SellerInventoryUpdate
      ...InvalidInputFields
    }
  }
  ${UPDATE}
  ${INVALID_INPUT}
`;

export const ADJUST_FLOWER_STOCK = gql`
  mutation SellerAdjustFlowerStock(
    $storeId: ID!
    $items: [FlowerDeltaInput!]!
    $reason: String
    $requestId: ID
  ) {
    adjustFlowerStock(storeId: $storeId, items: $items, reason: $reason, requestId: $requestId) {
      __typename
      ...SellerInventoryUpdate
      ...InvalidInputFields
      ... on InsufficientStockError {
        code
        message
        shortages {
          flowerId
          requested
          available
        }
      }
    }
  }
  ${UPDATE}
  ${INVALID_INPUT}
`;

export interface InventoryItem {
  flowerId: number;
  available: number;
  reserved: number;
  onHand: number;
  low: boolean;
  updatedAt: string | null;
}

export interface InventoryData {
  myStore: {
    id: string;
    name: string;
    lowStockThreshold: number | null;
    inventory: InventoryItem[];
  } | null;
  flowers: { id: number; name: { ko: string } }[];
}

export interface StockMovement {
  id: string;
  flowerId: number;
  kind: string;
  availableDelta: number;
  reservedDelta: number;
  available: number;
  reserved: number;
  orderId: string | null;
  reason: string | null;
  at: string;
}

export interface HistoryData {
  myStore: {
    id: string;
    inventoryHistory: { totalCount: number; pageInfo: PageInfo; nodes: StockMovement[] };
  } | null;
}

export interface StockShortage {
  flowerId: number;
  requested: number;
  available: number;
}

export type StockResult =
  | { __typename: 'InventoryUpdate'; adjustmentId: string; items: InventoryItem[] }
  | (TypedError & { __typename: 'InvalidInputError'; field: string })
  | (TypedError & { __typename: 'InsufficientStockError'; shortages: StockShortage[] });

export interface StockVariables<Item> {
  storeId: string;
  items: Item[];
  reason?: string;
  requestId?: string;
}

/** Queries to read again after stock changes (the items carry no id to normalise). */
export const STOCK_REFETCH = ['SellerInventory', 'SellerInventoryHistory'];
