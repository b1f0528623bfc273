import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planLiveOperation } from './live-operation.js';

const plan = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`no operation in ${query}`);
  return planLiveOperation(document, operation, variables);
};

describe('planLiveOperation', () => {
  it('turns the subscription selection into a query on the payload field, keeping the alias', () => {
    const live = plan(
      `subscription($p: ID!, $big: Boolean!) { r: productRestocked(productId: $p) { productId product { id ...P @include(if: $big) } } }
       fragment P on Product { id }
       fragment Unused on Product { id }`,
      { p: 'p1', big: true },
    );
    expect(live.field).toBe('productRestocked');
    expect(live.argument).toBe('p1');
    expect(live.variables).toEqual({ big: true });
    expect(live.query).toContain('query Live($liveId: ID!, $big: Boolean!)');
    expect(live.query).toContain('r: productRestock(id: $liveId)');
    expect(live.query).toContain('fragment P on Product');
    expect(live.query).not.toContain('Unused');
  });

  it('gives equal share keys to equal selections and different ones otherwise', () => {
    const a = plan(`subscription { notificationAdded { id title } }`);
    const b = plan(`subscription   {  notificationAdded { id   title } }`);
    const c = plan(`subscription { notificationAdded { id } }`);
    expect(a.shareKey).toBe(b.shareKey);
    expect(a.shareKey).not.toBe(c.shareKey);
  });

  it('needs the argument and refuses the reserved variable name', () => {
    expect(() => plan(`subscription($o: ID!) { orderStatusChanged(orderId: $o) { id } }`)).toThrow(
      'needs orderId',
    );
    expect(() =>
      plan(`subscription($liveId: Boolean!) { notificationAdded { id @include(if: $liveId) } }`, {
        liveId: true,
      }),
    ).toThrow('reserved');
  });
});
