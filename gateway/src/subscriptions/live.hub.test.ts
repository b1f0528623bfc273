import { type Caller, createLogger } from '@bloom/kernel';
import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type FederatedExecutor, LiveHub } from './live.hub.js';
import { planLiveOperation } from './live-operation.js';

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
  return { hub: new LiveHub(execute, createLogger({ service: 'test', level: 'silent' })), calls };
}

const drain = async (queue: AsyncIterator<unknown>) => {
  const results: unknown[] = [];
  const race = () =>
    Promise.race([queue.next(), new Promise((r) => setTimeout(() => r('timeout'), 20))]);
  for (;;) {
    const next = (await race()) as IteratorResult<unknown> | 'timeout';
    if (next === 'timeout' || next.done) return results;
    results.push(next.value);
  }
};

describe('LiveHub', () => {
  it('delivers a notice to its recipient only, and admin notices to admins only', async () => {
    const { hub: h } = hub();
    const sub = op(`subscription { notificationAdded { id } }`);
    const alice = h.subscribe(user('alice'), sub);
    const bob = h.subscribe(user('bob'), sub);
    const admin = h.subscribe(user('root', ['CUSTOMER', 'ADMIN']), sub);
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
    expect(await drain(alice)).toHaveLength(1);
    expect(await drain(bob)).toHaveLength(0);
    expect(await drain(admin)).toHaveLength(1);
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
      h.subscribe(i % 2 ? user(`u${i}`) : anonymous, same),
    );
    const odd = h.subscribe(anonymous, other);
    const elsewhere = h.subscribe(
      anonymous,
      op(`subscription { productRestocked(productId: "p2") { id } }`),
    );
    expect(await h.restock({ restockId: 'r1', productId: 'p1' })).toBe(51);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.caller.kind === 'anonymous')).toBe(true);
    const eighth = queues[7];
    if (!eighth) throw new Error('eight queues expected');
    expect(await drain(eighth)).toHaveLength(1);
    expect(await drain(odd)).toHaveLength(1);
    expect(await drain(elsewhere)).toHaveLength(0);
  });

  it('gives order changes only to the order’s customer, seller and admins', async () => {
    const { hub: h } = hub();
    const sub = op(`subscription { orderStatusChanged(orderId: "o1") { status } }`);
    const customer = h.subscribe(user('c'), sub);
    const seller = h.subscribe(user('s', ['SELLER']), sub);
    const stranger = h.subscribe(user('x'), sub);
    const admin = h.subscribe(user('a', ['ADMIN']), sub);
    await h.orderStatus({
      changeId: 'e1',
      orderId: 'o1',
      status: 'CONFIRMED',
      customerId: 'c',
      sellerUserId: 's',
    });
    expect(await drain(customer)).toHaveLength(1);
    expect(await drain(seller)).toHaveLength(1);
    expect(await drain(stranger)).toHaveLength(0);
    expect(await drain(admin)).toHaveLength(1);
  });

  it('gives audit entries to every admin and to nobody else', async () => {
    const { hub: h, calls } = hub();
    const sub = op(`subscription { auditEntryAdded { id action } }`);
    const admins = [
      h.subscribe(user('a1', ['ADMIN']), sub),
      h.subscribe(user('a2', ['ADMIN']), sub),
    ];
    const seller = h.subscribe(user('s', ['SELLER']), sub);
    expect(await h.auditEntry({ entryId: 'e1', action: 'STORE_SUSPENDED' })).toBe(2);
    // One resolution for the admins' shared selection, by the `auditEntry` query.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toContain('auditEntry(id: $liveId)');
    for (const queue of admins) expect(await drain(queue)).toHaveLength(1);
    expect(await drain(seller)).toHaveLength(0);
  });

  it('forgets a subscription when its client stops', async () => {
    const { hub: h, calls } = hub();
    const queue = h.subscribe(user('alice'), op(`subscription { notificationAdded { id } }`));
    expect(h.size).toBe(1);
    await queue.return();
    expect(h.size).toBe(0);
    await h.notice({
      noticeId: 'n',
      kind: 'K',
      recipient: { userId: 'alice' },
      createdAt: new Date().toISOString(),
    });
    expect(calls).toHaveLength(0);
  });
});
