import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@bloom/kernel';
import { inventoryAdjusted, orderLineCompleted, storeOpened } from '@bloom/schema';
import {
  type EnvelopeMeta,
  type EventRecorder,
  type SubgraphHarness,
  startSubgraph,
  waitFor,
} from '@bloom/testing';
import { type ProductsConfig, loadProductsConfig } from '../src/products.config.js';
import { type ProductsOverrides, type ProductsServer, buildServer } from '../src/server.js';
import { graphql } from './generated/index.js';
import type { CreateProductInput } from './generated/graphql.js';

export interface ProductsHarness extends SubgraphHarness<ProductsConfig, ProductsServer> {
  /** The service's origin (uploads and images). */
  origin: string;
  /** Publishes an envelope again without the dedupe id: what a redelivery looks like. */
  redeliver(event: EventEnvelope): Promise<void>;
  /** A store opened by a seller, as the stores subgraph announces it; waits for the projection. */
  openStore(storeId: string, ownerUserId: string): Promise<void>;
  /** Sets a store's stock levels (each a new ledger seq); waits until products see them. */
  setStock(storeId: string, levels: Record<number, number>): Promise<EventEnvelope>;
  /** Completed order lines, as orders announces them; waits until all are recorded. */
  completeLines(lines: CompletedLine[]): Promise<void>;
  /**
   * Waits until one of products' durable consumers has handled and acked everything published
   * to it so far (the stores projection keeps no processed-event record to wait on).
   */
  consumed(durable: string): Promise<void>;
}

/**
 * Events of a type as published, once each: the recorder also sees an event the outbox relay
 * published again (JetStream drops the copy by its msgID; core subscribers still get it).
 */
export function published<T = Record<string, unknown>>(
  recorder: EventRecorder,
  type: string,
): EventEnvelope<T>[] {
  const seen = new Set<string>();
  return recorder.ofType(type).filter((event) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  }) as EventEnvelope<T>[];
}

export interface CompletedLine {
  orderLineId: string;
  customerId: string;
  productId: string;
  storeId: string;
  quantity?: number;
}

/** Starts a real products subgraph on a free port with its own database and stream namespace. */
export async function startProducts(
  label: string,
  options: { env?: Record<string, string>; overrides?: ProductsOverrides } = {},
): Promise<ProductsHarness> {
  const imageDir = await mkdtemp(join(tmpdir(), 'bloom-products-'));
  const base = await startSubgraph({
    name: 'products',
    label,
    dbVariable: 'PRODUCTS_DB',
    env: { IMAGE_DIR: imageDir, ...options.env },
    loadConfig: loadProductsConfig,
    build: (config, overrides) => buildServer(config, { ...overrides, ...options.overrides }),
  });
  const { bus, db } = base;
  const stockSeq = new Map<string, number>();
  const storeSeq = new Map<string, number>();
  // Events of one subject start at sequence 1 unless the test says otherwise.
  const basePublish = base.publish.bind(base);
  const publish: ProductsHarness['publish'] = (contract, payload, meta: EnvelopeMeta = {}) =>
    basePublish(contract, payload, { sequence: 1, ...meta });
  const closeBase = base.close.bind(base);
  const consumed = (durable: string) =>
    waitFor(async () => (await base.server.bus.consumerBacklog(durable)) === 0, {
      what: `${durable} caught up`,
      timeoutMs: 30_000,
    }).then(() => undefined);

  return Object.assign(base, {
    origin: base.server.origin,
    publish,
    consumed,
    redeliver: async (event: EventEnvelope) => {
      bus.connection.publish(bus.subject(event.type), JSON.stringify(event));
      await bus.connection.flush();
    },
    openStore: async (storeId: string, ownerUserId: string) => {
      const sequence = (storeSeq.get(storeId) ?? 0) + 1;
      storeSeq.set(storeId, sequence);
      await publish(
        storeOpened,
        {
          storeId,
          sellerId: ownerUserId,
          name: `꽃집 ${storeId}`,
          status: 'OPEN',
          regionCode: '11',
          districtCode: '11680',
          latitude: 37.5,
          longitude: 127.04,
          deliveryPolicy: {
            fee: 3000,
            freeDeliveryThreshold: 50000,
            sameDayCutoff: '14:00',
            windows: [{ start: '10:00', end: '20:00' }],
          },
          pickup: { enabled: true, slotCapacity: 3 },
        },
        { subjectId: storeId, sequence },
      );
      await waitFor(
        () => db.collection('store_projections').findOne({ _id: storeId as never, sequence }),
        { what: `store ${storeId} projected`, timeoutMs: 30_000 },
      );
    },
    setStock: async (storeId: string, levels: Record<number, number>) => {
      const stock = Object.entries(levels).map(([flowerId, available]) => {
        const key = `${storeId}:${flowerId}`;
        const seq = (stockSeq.get(key) ?? 0) + 1;
        stockSeq.set(key, seq);
        return { flowerId: Number(flowerId), available, seq };
      });
      const event = await publish(
        inventoryAdjusted,
        {
          storeId,
          adjustmentId: randomUUID(),
          actorId: 'seller',
          reason: null,
          changes: stock.map((level) => ({ flowerId: level.flowerId, delta: 0 })),
          stock,
        },
        { subjectId: storeId },
      );
      await consumed('products-stores');
      return event;
    },
    completeLines: async (lines: CompletedLine[]) => {
      for (const line of lines) {
        await publish(
          orderLineCompleted,
          { orderId: `order-${line.orderLineId}`, completedAt: new Date().toISOString(), ...line },
          { subjectId: line.orderLineId },
        );
      }
      const ids = lines.map((line) => line.orderLineId);
      // One poll for the whole batch: many pollers would slow the database they wait for.
      await waitFor(
        async () =>
          (await db
            .collection('review_eligibility')
            .countDocuments({ _id: { $in: ids as never[] } })) === ids.length,
        { what: `${ids.length} order lines recorded`, timeoutMs: 90_000, intervalMs: 200 },
      );
    },
    close: async () => {
      await closeBase();
      await rm(imageDir, { recursive: true, force: true });
    },
  });
}

// The error arms of the input-validated results, spread by name in every file.
graphql(`
  fragment InputErrorFields on UserError {
    code
    message
    ... on InvalidInputError {
      field
    }
  }
`);
graphql(`
  fragment ProductResult on ProductResult {
    __typename
    ... on Product {
      id
      name
      price
      saleStatus
      storeId
      category
      tags
      recipe {
        flowerId
        count
        representative
      }
    }
    ...InputErrorFields
  }
`);

export const CREATE = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...ProductResult
    }
  }
`);

/** A valid product input, with overrides. */
export function productInput(overrides: Partial<CreateProductInput> = {}): CreateProductInput {
  return {
    name: '봄날의 설렘 꽃다발',
    summary: '분홍 장미와 안개꽃',
    description: '사랑하는 사람에게 전하는 분홍빛 마음.',
    price: 45000,
    category: 'BOUQUET',
    tags: ['FOR_LOVER'],
    recipe: [
      { flowerId: 4, count: 10, representative: true },
      { flowerId: 18, count: 1 },
    ],
    ...overrides,
  };
}

/** Generous waits: the shared local database can be slow when many suites run at once. */
export const patientWaitFor = <T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
) => waitFor(check, { timeoutMs: 45_000 });

/** The value, or a thrown error naming what was missing (for nullable results and list items). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
