import { type Caller, createLogger } from '@bloom/kernel';
import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type FederatedExecutor, LiveHub } from './live.hub.js';
import { type LiveOperation, planLiveOperation } from './live-operation.js';

const op = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`no operation in ${query}`);
  return planLiveOperation(document, operation, variables);
};
const user = (userId: string, roles: Caller['roles'] = ['CUSTOMER']): Caller => ({
  kind: 'user',
  userId,
  roles,
  scopes: [],
  traceId: 't',
});
const anonymous: Caller = { kind: 'anonymous', roles: [], scopes: [], traceId: 't' };

function hub() {
  const calls: { query: string; variables: Record<string, unknown>; caller: Caller }[] = [];
  const execute: FederatedExecutor = (query, variables, caller) => {
    calls.push({ query, variables, caller });
    return Promise.resolve({ data: { x: { id: variables.liveId } } });
  };
  /** What the hub counted, per push: [field, sent] and [field, dropped]. */
  const counted = { pushed: [] as [string, number][], dropped: [] as [string, number][] };
  const metrics = {
    livePushed: (field: string, n: number) => void counted.pushed.push([field, n]),
    liveDropped: (field: string, n: number) => void counted.dropped.push([field, n]),
  };
  const logger = createLogger({ service: 'test', level: 'silent' });
  return { hub: new LiveHub(execute, logger, metrics), calls, counted };
}

/** Subscribes with a sink that keeps what the subscription is sent. */
const watch = (h: LiveHub, caller: Caller, operation: LiveOperation, keepingUp = true) => {
  const received: unknown[] = [];
  const subscription = h.subscribe(caller, operation, {
    send: (json: string) => {
      if (keepingUp) received.push(JSON.parse(json));
      return keepingUp;
    },
  });
  return { received, subscription };
};

describe('LiveHub', () => {
  it('delivers a notice to its recipient only, and admin notices to admins only', async () => {
    const { hub: h } = hub();
    const sub = op(`subscription { notificationAdded { id } }`);
    const alice = watch(h, user('alice'), sub);
    const bob = watch(h, user('bob'), sub);
    const admin = watch(h, user('root', ['CUSTOMER', 'ADMIN']), sub);
    await h.notice({
      noticeId: 'n1',
      kind: 'K',
      recipient: { userId: 'alice' },
      createdAt: new Date().toISOString(),
    });
    await h.notice({
      noticeId: 'n2',
      kind: 'K',
      recipient: { audience: 'ADMINS' },
      createdAt: new Date().toISOString(),
    });
    expect(alice.received).toHaveLength(1);
    expect(bob.received).toHaveLength(0);
    expect(admin.received).toHaveLength(1);
  });

  it('resolves once per selection and visibility, however many subscribers share it', async () => {
    const { hub: h, calls } = hub();
    const same = op(`subscription($p: ID!) { productRestocked(productId: $p) { productId } }`, {
      p: 'p1',
    });
    const other = op(`subscription($p: ID!) { productRestocked(productId: $p) { id } }`, {
      p: 'p1',
    });
    const queues = Array.from({ length: 50 }, (_, i) =>
      watch(h, i % 2 ? user(`u${i}`) : anonymous, same),
    );
    const odd = watch(h, anonymous, other);
    const elsewhere = watch(
      h,
      anonymous,
      op(`subscription { productRestocked(productId: "p2") { id } }`),
    );
    expect(await h.restock({ restockId: 'r1', productId: 'p1' })).toBe(51);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.caller.kind === 'anonymous')).toBe(true);
    const eighth = queues[7];
    if (!eighth) throw new Error('eight queues expected');
    // Each watcher is sent the resolved result itself.
    expect(eighth.received).toEqual([{ data: { x: { id: 'r1' } } }]);
    expect(odd.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
  });

  it('gives order changes only to the order’s customer, seller and admins', async () => {
    const { hub: h } = hub();
    const sub = op(`subscription { orderStatusChanged(orderId: "o1") { status } }`);
    const customer = watch(h, user('c'), sub);
    const seller = watch(h, user('s', ['SELLER']), sub);
    const stranger = watch(h, user('x'), sub);
    const admin = watch(h, user('a', ['ADMIN']), sub);
    await h.orderStatus({
      changeId: 'e1',
      orderId: 'o1',
      status: 'CONFIRMED',
      customerId: 'c',
      sellerUserId: 's',
    });
    expect(customer.received).toHaveLength(1);
    expect(seller.received).toHaveLength(1);
    expect(stranger.received).toHaveLength(0);
    expect(admin.received).toHaveLength(1);
  });

  it('gives audit entries to every admin and to nobody else', async () => {
    const { hub: h, calls } = hub();
    const sub = op(`subscription { auditEntryAdded { id action } }`);
    const admins = [watch(h, user('a1', ['ADMIN']), sub), watch(h, user('a2', ['ADMIN']), sub)];
    const seller = watch(h, user('s', ['SELLER']), sub);
    expect(await h.auditEntry({ entryId: 'e1', action: 'STORE_SUSPENDED' })).toBe(2);
    // One resolution for the admins' shared selection, by the `auditEntry` query.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toContain('auditEntry(id: $liveId)');
    for (const queue of admins) expect(queue.received).toHaveLength(1);
    expect(seller.received).toHaveLength(0);
  });

  it('forgets a subscription when its client stops', async () => {
    const { hub: h, calls } = hub();
    const queue = watch(h, user('alice'), op(`subscription { notificationAdded { id } }`));
    expect(h.size).toBe(1);
    await queue.subscription.return();
    expect(h.size).toBe(0);
    await h.notice({
      noticeId: 'n',
      kind: 'K',
      recipient: { userId: 'alice' },
      createdAt: new Date().toISOString(),
    });
    expect(calls).toHaveLength(0);
  });

  it('counts what a client too far behind was not sent, and keeps serving the others', async () => {
    const { hub: h, counted } = hub();
    const sub = op(`subscription { productRestocked(productId: "p1") { id } }`);
    const slow = watch(h, anonymous, sub, false);
    const fine = watch(h, anonymous, sub);
    expect(await h.restock({ restockId: 'r1', productId: 'p1' })).toBe(1);
    expect(await h.restock({ restockId: 'r2', productId: 'p1' })).toBe(1);
    expect(slow.received).toHaveLength(0);
    expect(fine.received).toHaveLength(2);
    expect(counted.dropped).toEqual([
      ['productRestocked', 1],
      ['productRestocked', 1],
    ]);
    expect(counted.pushed).toEqual([
      ['productRestocked', 1],
      ['productRestocked', 1],
    ]);
  });
});
