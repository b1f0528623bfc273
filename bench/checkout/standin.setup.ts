import { randomBytes } from 'node:crypto';
import { EventBus, createLogger } from '@bloom/kernel';
import { loadPaymentsEmulatorConfig, startPaymentsEmulator } from '@bloom/payments-emulator';
import {
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freePort,
  testEnv,
  TEST_CALLER_SECRET,
} from '@bloom/testing';
import type { MongoClient } from 'mongodb';
import { FakeStores } from '../../subgraphs/orders/test/fake-stores.js';
import { customer, publishCatalog } from '../../subgraphs/orders/test/orders.harness.js';
import { startService, stop } from '../lib/processes.js';
import type { CheckoutTarget } from './checkout.target.js';

/**
 * The orders subgraph as its own process, the payment sandbox in this process over HTTP, and
 * the orders tests' FakeStores for the stores side (it answers reservations at once), with a
 * catalog published as events: the figures are orders + PG + JetStream + the database.
 */
export async function startStandin(
  mongo: MongoClient,
  ordersReplicas: number,
): Promise<CheckoutTarget> {
  const db = `bench_orders_${randomBytes(3).toString('hex')}`;
  const pg = await startPaymentsEmulator(
    loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }),
  );
  const namespace = await createStreamNamespace();
  const cleanups: (() => Promise<void>)[] = [
    () => pg.close(),
    () => deleteStreamNamespace(namespace),
    () => dropDatabase(db),
  ];
  const close = async () => {
    for (const cleanup of cleanups) await cleanup().catch((e: unknown) => console.error(e));
  };
  try {
    const replicas: { port: number; pid: number | undefined }[] = [];
    for (let i = 0; i < ordersReplicas; i += 1) {
      const port = await freePort();
      const orders = await startService(
        'subgraphs/orders/src/main.ts',
        {
          PORT: String(port),
          MONGO_URL: testEnv.MONGO_URL,
          NATS_URL: testEnv.NATS_URL,
          EVENT_NAMESPACE: namespace,
          ORDERS_DB: db,
          CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
          PAYMENTS_URL: pg.url,
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
        },
        `http://127.0.0.1:${port}/ready`,
        // BENCH_CPU_PROF=<dir>: orders writes a .cpuprofile there when the bench stops it.
        process.env.BENCH_CPU_PROF ? { cpuProfileDir: process.env.BENCH_CPU_PROF } : undefined,
      );
      cleanups.unshift(() => stop(orders));
      replicas.push({ port, pid: orders.pid });
    }
    const bus = await EventBus.connect({
      servers: testEnv.NATS_URL,
      namespace,
      name: 'bench',
      logger: createLogger({ service: 'bench', level: 'silent' }),
    });
    cleanups.unshift(() => bus.close());
    const stores = new FakeStores(bus);
    await stores.start();
    cleanups.unshift(() => stores.stop());
    const cat = await publishCatalog(bus, stores, { stems: 10_000_000, threshold: null });
    for (;;) {
      if ((await mongo.db(db).collection('product_projections').countDocuments()) === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      description: `standin (orders as ${ordersReplicas > 1 ? `${ordersReplicas} processes` : 'a process'}, straight to the subgraph; stores stand-in and payments emulator in the bench)`,
      url: (worker) => `http://127.0.0.1:${replicas[worker % replicas.length]?.port}/graphql`,
      productId: cat.productId,
      expectedTotal: 23000,
      // A new customer per checkout, signed as the gateway would.
      headers: () => callerHeaders(customer().caller),
      ordersDb: db,
      processes: replicas.map((r, i) => ({
        name: replicas.length > 1 ? `orders #${i + 1}` : 'orders',
        pid: r.pid,
      })),
      inBench: 'payments emulator and stores stand-in',
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
