import type { EntityManager } from '@mikro-orm/mongodb';
import { ObjectId } from '@mikro-orm/mongodb';
import { describe, expect, it } from 'vitest';
import {
  type SortKey,
  afterCursor,
  decodeKeysetCursor,
  encodeKeysetCursor,
  findPage,
  newestFirst,
  orderByOf,
  pageFrom,
} from './paging.js';

interface Row {
  price: number;
  at: Date;
  id: string;
}

const keys: SortKey<Row>[] = [
  { field: 'price', dir: 'asc', kind: 'number', value: (r) => r.price },
  { field: 'at', dir: 'desc', kind: 'date', value: (r) => r.at },
  { field: '_id', dir: 'asc', kind: 'id', value: (r) => r.id },
];

const newest = newestFirst<Row>(
  'at',
  (r) => r.at,
  (r) => r.id,
);

const row = (i: number): Row => ({
  price: i,
  at: new Date(Date.UTC(2025, 0, 1) + i * 1000),
  id: new ObjectId().toHexString(),
});

describe('keyset cursors', () => {
  it('selects the rows after the cursor key by key', () => {
    const id = new ObjectId().toHexString();
    const at = new Date('2025-01-02T03:04:05.678Z');
    const cursor = encodeKeysetCursor(keys, { price: 30000, at, id });
    expect(afterCursor(keys, cursor)).toEqual({
      $or: [
        { price: { $gt: 30000 } },
        { price: 30000, at: { $lt: at } },
        { price: 30000, at, _id: { $gt: new ObjectId(id) } },
      ],
    });
  });

  it('keeps the cursor format clients already hold: base64url of [sort value, id]', () => {
    const r = row(1);
    expect(encodeKeysetCursor(newest, r)).toBe(
      Buffer.from(JSON.stringify([r.at.getTime(), r.id])).toString('base64url'),
    );
    expect(decodeKeysetCursor(newest, encodeKeysetCursor(newest, r))).toEqual([
      r.at,
      new ObjectId(r.id),
    ]);
  });

  it('refuses cursors that do not fit the keys', () => {
    for (const bad of [
      '%%%',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('[1,2,"x"]').toString('base64url'),
      Buffer.from('["a",2,"0123456789abcdef01234567"]').toString('base64url'),
      // A date no Date can hold: the driver threw "Invalid time value" on the filter.
      Buffer.from('[1,8.7e15,"0123456789abcdef01234567"]').toString('base64url'),
      Buffer.from('[1,-1e308,"0123456789abcdef01234567"]').toString('base64url'),
    ]) {
      expect(() => afterCursor(keys, bad)).toThrow('The cursor is not valid.');
    }
  });

  it('orders by every key in turn', () => {
    expect(orderByOf(keys)).toEqual({ price: 'asc', at: 'desc', _id: 'asc' });
    expect(orderByOf(newest)).toEqual({ at: 'desc', _id: 'desc' });
    expect(newest.map((key) => key.kind)).toEqual(['date', 'id']);
  });
});

describe('page assembly', () => {
  const cursorOf = (r: Row) => encodeKeysetCursor(newest, r);

  it('reads the extra row as "there is a next page" and ends at the last node', () => {
    const rows = [row(3), row(2), row(1)];
    const page = pageFrom(rows, 2, 10, cursorOf);
    expect(page).toEqual({
      nodes: rows.slice(0, 2),
      totalCount: 10,
      pageInfo: { hasNextPage: true, endCursor: cursorOf(rows[1] as Row) },
    });
  });

  it('says the last page is the last and has no cursor when empty', () => {
    expect(pageFrom([row(1)], 2, 1, cursorOf).pageInfo.hasNextPage).toBe(false);
    expect(pageFrom([], 2, 0, cursorOf)).toEqual({
      nodes: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: undefined },
    });
  });

  it('counts the filter and reads one row more than the page after the cursor', async () => {
    const rows = [row(3), row(2), row(1)];
    const calls: { count?: unknown; find?: unknown[] } = {};
    const em = {
      count: (_entity: unknown, where: unknown) => {
        calls.count = where;
        return Promise.resolve(7);
      },
      find: (...args: unknown[]) => {
        calls.find = args.slice(1);
        return Promise.resolve(rows);
      },
    } as unknown as EntityManager;
    const after = cursorOf(row(4));
    const page = await findPage(em, 'Row', { price: 3 }, newest, 2, after);
    expect(calls.count).toEqual({ price: 3 });
    expect(calls.find).toEqual([
      { $and: [{ price: 3 }, afterCursor(newest, after)] },
      { orderBy: { at: 'desc', _id: 'desc' }, limit: 3 },
    ]);
    expect(page.nodes).toEqual(rows.slice(0, 2));
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});
