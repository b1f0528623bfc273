import { bearer } from '@bloom/testing';
import type { MongoClient } from 'mongodb';
import {
  type ServiceName,
  openShop,
  startProcessSystem,
} from '../../e2e/src/process-system.harness.js';
import type { CheckoutTarget } from './checkout.target.js';

/** setFlowerStock's upper bound (stores' MAX_STOCK): far more stems than a run sells. */
const STEMS = 1_000_000;
/** The processes whose CPU the bench measures, in the order it prints them. */
const MEASURED: ServiceName[] = [
  'gateway',
  'orders',
  'stores',
  'payments emulator',
  'identity',
  'products',
];

/**
 * The system as `npm start` runs it, one process each (e2e/src/process-system.harness.ts): the
 * payments emulator, identity, stores, products, orders and the gateway, with fresh databases
 * and a fresh stream namespace. Everything after boot goes through the gateway over HTTP, as
 * clients do: an admin approves a seller, who opens a store, stocks it and lists one product;
 * `customers` customers sign up.
 */
export async function startGatewaySystem(
  _mongo: MongoClient,
  customers: number,
): Promise<CheckoutTarget> {
  if (customers < 1) throw new Error('BENCH_CONCURRENCY must be at least 1');
  const sys = await startProcessSystem({
    dbPrefix: 'bench',
    cpuProfileDir: process.env.BENCH_CPU_PROF,
  });
  try {
    const shop = await openShop(sys, {
      customers,
      stems: STEMS,
      emailPrefix: 'bench',
      password: 'bench12345',
    });
    return {
      description:
        'gateway (gateway, identity, stores, products, orders, payments emulator: one process each)',
      url: () => sys.url,
      productId: shop.productId,
      expectedTotal: shop.expectedTotal,
      headers: (worker) => bearer(shop.tokens[worker % shop.tokens.length] ?? ''),
      ordersDb: sys.dbs.orders,
      processes: MEASURED.map((name) => ({ name, pid: sys.pid(name) })),
      close: () => sys.close(),
    };
  } catch (error) {
    await sys.close();
    throw error;
  }
}
