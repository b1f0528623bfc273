import { ObjectId } from '@mikro-orm/mongodb';
import { describe, expect, it } from 'vitest';
import { type SortKey, afterCursor, encodeKeysetCursor } from './keyset.js';

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

  it('refuses cursors that do not fit the keys', () => {
    for (const bad of [
      '%%%',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('[1,2,"x"]').toString('base64url'),
      Buffer.from('["a",2,"0123456789abcdef01234567"]').toString('base64url'),
    ]) {
      expect(() => afterCursor(keys, bad)).toThrow('The cursor is not valid.');
    }
  });
});
