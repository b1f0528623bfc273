import { sellerApproved } from '@bloom/schema';
import {
  type SubgraphHarness,
  adminCaller,
  customerCaller,
  newId,
  sellerCaller,
  startSubgraph,
  storeInputFixture,
  waitFor,
} from '@bloom/testing';
import { type StoresServer, buildServer } from '../src/server.js';
import { type StoresConfig, loadStoresConfig } from '../src/stores.config.js';
import { graphql } from './generated/index.js';
import type { CreateStoreInput } from './generated/graphql.js';

export { newId };

/** One admin per test file, so events can be checked against its id. */
export const ADMIN_ID = newId();
export const ADMIN = adminCaller(ADMIN_ID);
export const customer = customerCaller;
export const seller = sellerCaller;

export interface StoresHarness extends SubgraphHarness<StoresConfig, StoresServer> {
  /** Publishes `identity.seller.approved` and waits until stores has recorded it. */
  approveSeller(userId?: string): Promise<string>;
  /** An approved seller with a store (Seoul 강남구 by default); returns both ids. */
  openStore(overrides?: Partial<CreateStoreInput>): Promise<{ sellerId: string; storeId: string }>;
}

graphql(`
  fragment StoreFields on Store {
    id
    name
    status
    phone
    address {
      regionCode
      districtCode
      regionName
      districtName
      latitude
      longitude
    }
    businessHours {
      opensAt
      closesAt
      closedWeekdays
    }
    deliveryPolicy {
      fee
      freeDeliveryThreshold
      sameDayCutoff
      windows {
        start
        end
      }
    }
    pickup {
      enabled
      slotCapacity
    }
  }
`);

// The error arms of the input-validated mutations' result unions, spread by name in every file.
graphql(`
  fragment InputErrorFields on UserError {
    code
    message
    ... on InvalidInputError {
      field
    }
  }
`);

export const CREATE_STORE = graphql(`
  mutation CreateStore($input: CreateStoreInput!) {
    createStore(input: $input) {
      __typename
      ...StoreFields
      ...InputErrorFields
    }
  }
`);

/** A selling store's `CreateStoreInput` (강남구, open 10–20 every day), with overrides. */
export const storeInput = (overrides: Partial<CreateStoreInput> = {}): CreateStoreInput =>
  storeInputFixture(overrides);

/** Starts a real stores subgraph on a free port with its own database and stream namespace. */
export async function startStores(label: string): Promise<StoresHarness> {
  const base = await startSubgraph({
    name: 'stores',
    label,
    dbVariable: 'STORES_DB',
    // Tests approve sellers explicitly; an unapproved one should be refused at once.
    env: { APPROVAL_WAIT_MS: '0' },
    loadConfig: loadStoresConfig,
    build: buildServer,
  });
  const harness: StoresHarness = Object.assign(base, {
    async approveSeller(userId = newId()) {
      await base.publish(sellerApproved, {
        userId,
        email: `${userId}@bloom.test`,
        name: '판매자',
        businessName: '꽃집',
        approvedBy: ADMIN_ID,
      });
      await waitFor(
        () => base.db.collection('approved_sellers').findOne({ _id: userId as never }),
        { what: `approval of ${userId}` },
      );
      return userId;
    },
    async openStore(overrides: Partial<CreateStoreInput> = {}) {
      const sellerId = await harness.approveSeller();
      const res = await base.call(CREATE_STORE, { input: storeInput(overrides) }, seller(sellerId));
      const store = res.data?.createStore;
      if (store?.__typename !== 'Store') {
        throw new Error(`could not open a store: ${JSON.stringify(res)}`);
      }
      return { sellerId, storeId: store.id };
    },
  });
  return harness;
}

/** An `orders.order.placed` payload for one product line. */
export function placedOrder(
  storeId: string,
  flowers: { flowerId: number; count: number }[],
  options: {
    orderId?: string;
    quantity?: number;
    customerId?: string;
    slotStart?: Date;
    subtotal?: number;
  } = {},
) {
  return {
    orderId: options.orderId ?? newId(),
    storeId,
    customerId: options.customerId ?? newId(),
    lines: [{ productId: 'product-1', quantity: options.quantity ?? 1, flowers }],
    fulfilment: options.slotStart
      ? { type: 'PICKUP' as const, slotStart: options.slotStart.toISOString() }
      : { type: 'DELIVERY' as const },
    subtotal: options.subtotal ?? 30000,
    placedAt: new Date().toISOString(),
  };
}

export const SET_STOCK = graphql(`
  mutation SetFlowerStock($storeId: ID!, $items: [FlowerQuantityInput!]!, $requestId: ID) {
    setFlowerStock(storeId: $storeId, items: $items, requestId: $requestId) {
      __typename
      ... on InventoryUpdate {
        adjustmentId
        changes {
          flowerId
          delta
        }
        items {
          flowerId
          available
          reserved
          low
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

/** Sets stock through the seller's API. */
export async function setStock(
  h: StoresHarness,
  sellerId: string,
  storeId: string,
  items: { flowerId: number; available: number }[],
): Promise<void> {
  const res = await h.call(SET_STOCK, { storeId, items }, seller(sellerId));
  if (res.data?.setFlowerStock?.__typename !== 'InventoryUpdate') {
    throw new Error(`could not set stock: ${JSON.stringify(res)}`);
  }
}

interface LedgerRow {
  seq: number;
  kind: string;
  availableDelta: number;
  reservedDelta: number;
  available: number;
  reserved: number;
  orderId?: string;
}

/** Every ledger entry of a flower at a store, in order. */
export async function ledgerOf(h: StoresHarness, storeId: string, flowerId: number) {
  const rows = await h.db.collection('stock_entries').find({ storeId, flowerId }).toArray();
  return (rows as unknown as LedgerRow[]).sort((a, b) => a.seq - b.seq);
}

/** Checks a flower's ledger: contiguous, balances follow the deltas, never negative. */
export async function auditLedger(h: StoresHarness, storeId: string, flowerId: number) {
  const rows = await ledgerOf(h, storeId, flowerId);
  let available = 0;
  let reserved = 0;
  const problems: string[] = [];
  rows.forEach((row, index) => {
    if (row.seq !== index + 1) problems.push(`gap at ${index + 1}`);
    available += row.availableDelta;
    reserved += row.reservedDelta;
    if (row.available !== available || row.reserved !== reserved) {
      problems.push(`seq ${row.seq}: balances do not add up`);
    }
    if (row.available < 0 || row.reserved < 0) problems.push(`seq ${row.seq}: negative`);
  });
  return { rows, available, reserved, problems };
}
