import { randomBytes } from 'node:crypto';
import { type RecordedSpan, SpanKind, type SpanRecorder, installSpanRecorder } from '@bloom/kernel';
import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { placeCartOrder } from '../src/orders.actions.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * OpenTelemetry across the system: the services run in this process with one in-memory span
 * recorder, but every hop between them is real (HTTP from the gateway to the subgraphs and to
 * the payment sandbox, JetStream between the saga's services), so the trace context has to
 * travel in headers and event envelopes for the checkout to come out as one trace.
 */

let recorder: SpanRecorder;
let pg: PaymentsEmulator;
let sys: System;
beforeAll(async () => {
  // Before the services start: their database clients are created with command monitoring.
  recorder = installSpanRecorder();
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders'], { PAYMENTS_URL: pg.url });
}, 120_000);
afterAll(async () => {
  await sys?.close();
  await pg?.close();
  await recorder?.shutdown();
});

const SET_STOCK = graphql(`
  mutation TracingSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 20 }]) {
      __typename
    }
  }
`);

/** The tracer @apollo/gateway names its request, plan, execute and fetch spans with. */
const APOLLO = 'apollo/gateway-js';
const scopeOf = (span: RecordedSpan) => span.instrumentationScope.name;
const idOf = (span: RecordedSpan) => span.spanContext().spanId;
const parentOf = (span: RecordedSpan) => span.parentSpanContext?.spanId;

describe('tracing', () => {
  it('makes one checkout through the gateway one trace, from the gateway through orders, stores and the payment to the confirmation', async () => {
    const seller = await skyGardenSeller(sys);
    await sys.call(SET_STOCK, { s: seller.storeId }, seller.token);
    const productId = await createProductAs(sys, seller.token, {
      name: '추적 장미 꽃다발',
      summary: '한 번의 결제, 하나의 추적',
      description: '빨간 장미 두 송이',
      price: 20000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 2, representative: true }],
    });
    const token = await customerToken(sys, 'traced@bloom.test');

    // The client's own span: the gateway continues it, so the trace id is known here.
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    await placeCartOrder(sys, token, {
      productIds: [productId],
      key: 'tracing-e2e-1',
      expectedTotal: 23000,
      headers: { traceparent: `00-${traceId}-${clientSpanId}-01` },
    });

    // The trace goes on after CONFIRMED (its consumers); read it once it has stopped growing.
    let seen = -1;
    const spans = await waitFor(
      () => {
        const now = recorder.trace(traceId);
        const settled =
          now.length === seen && now.some((s) => s.name === 'publish orders.order.confirmed');
        seen = now.length;
        return settled ? now : undefined;
      },
      { what: 'the checkout trace to settle', timeoutMs: 30_000, intervalMs: 750 },
    );

    if (process.env.TRACE_DUMP) {
      for (const s of spans) console.log(scopeOf(s), s.name, idOf(s), parentOf(s));
    }
    const named = (scope: string, name: string | RegExp) =>
      spans.filter(
        (s) =>
          scopeOf(s) === scope && (typeof name === 'string' ? s.name === name : name.test(s.name)),
      );
    const one = (scope: string, name: string | RegExp) => {
      const found = named(scope, name);
      expect(found, `${scope} ${String(name)}`).not.toHaveLength(0);
      return found[0] as RecordedSpan;
    };

    // The gateway's request continues the client's span; its plan and fetches are inside it.
    const gatewayServer = one('gateway', 'POST /graphql');
    expect(gatewayServer.kind).toBe(SpanKind.SERVER);
    expect(parentOf(gatewayServer)).toBe(clientSpanId);
    expect(gatewayServer.attributes['graphql.operation.name']).toBe('ActionsCheckout');
    one(APOLLO, 'gateway.plan');
    const fetches = named(APOLLO, 'gateway.fetch');
    expect(fetches.length).toBeGreaterThan(0);

    // orders served the mutation under a gateway fetch: its resolver and database calls inside.
    const ordersServer = spans.find(
      (s) =>
        scopeOf(s) === 'orders' &&
        s.kind === SpanKind.SERVER &&
        s.attributes['graphql.operation.name'] !== undefined &&
        fetches.some((f) => idOf(f) === parentOf(s)),
    );
    expect(ordersServer, 'orders server span under a gateway fetch').toBeDefined();
    const checkout = one('graphql', 'resolve Mutation.checkout');
    expect(parentOf(checkout)).toBe(ordersServer && idOf(ordersServer));
    const ordersDb = named('orders', /^(insert|update|find|delete|findAndModify) /).filter(
      (s) => s.kind === SpanKind.CLIENT && s.attributes['db.system.name'] === 'mongodb',
    );
    expect(ordersDb.length).toBeGreaterThan(0);

    // The saga's hops over NATS: each consumer's handling is a child of a publish span.
    const placed = one('orders', 'publish orders.order.placed');
    expect(placed.kind).toBe(SpanKind.PRODUCER);
    const reserving = one('stores', 'process orders.order.placed');
    expect(reserving.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(reserving)).toBe(idOf(placed));
    const reserved = one('stores', /^publish stores\.inventory\.(reserved|rejected)$/);
    expect(reserved.name).toBe('publish stores.inventory.reserved');
    const paying = one('orders', 'process stores.inventory.reserved');
    expect(parentOf(paying)).toBe(idOf(reserved));
    // The handling links the span that recorded the event, which the publish continues.
    expect(paying.links.map((l) => l.context.traceId)).toContain(traceId);
    const stockDb = named('stores', /.+/).filter(
      (s) => s.kind === SpanKind.CLIENT && s.attributes['db.system.name'] === 'mongodb',
    );
    expect(stockDb.length).toBeGreaterThan(0);

    // The payment sandbox was called inside the saga, with the trace context.
    const pgCalls = named('http-client', /^pg /);
    expect(pgCalls.map((s) => s.name)).toEqual(
      expect.arrayContaining(['pg ready', 'pg approve', 'pg capture']),
    );
    for (const call of pgCalls) {
      expect(call.kind).toBe(SpanKind.CLIENT);
      expect(call.attributes['http.response.status_code']).toBe(200);
    }
    one('orders', 'publish orders.order.confirmed');

    // One trace, no orphans: every span's parent is in it, but the client's span.
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
    const ids = new Set(spans.map(idOf));
    const orphans = spans.filter((s) => s !== gatewayServer && !ids.has(parentOf(s) ?? ''));
    expect(orphans.map((s) => `${scopeOf(s)} ${s.name}`)).toEqual([]);
  }, 120_000);
});
