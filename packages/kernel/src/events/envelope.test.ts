import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OutboxCarrier, defineEvent, recordEvent, streamOf } from './envelope.js';

const noted = defineEvent(
  'shop.thing.noted',
  z.object({ thingId: z.string(), note: z.string().optional() }),
);
const meta = { source: 'shop', subjectId: 't1', traceId: 'trace' };
const carrier = (): OutboxCarrier => ({ outbox: [], eventSequence: 0 });

describe('recordEvent', () => {
  it('appends an event with the next sequence', () => {
    const thing = carrier();
    recordEvent(thing, noted, meta, { thingId: 't1' });
    const second = recordEvent(thing, noted, meta, { thingId: 't1', note: 'again' });
    expect(thing.outbox.map((e) => e.sequence)).toEqual([1, 2]);
    expect(thing.eventSequence).toBe(2);
    expect(second).toEqual(thing.outbox[1]);
    expect(second).toMatchObject({ type: 'shop.thing.noted', source: 'shop', subjectId: 't1' });
  });

  it('records an event with a fixed id once', () => {
    const thing = carrier();
    const at = new Date('2026-05-01T03:00:00Z');
    const first = recordEvent(thing, noted, { ...meta, id: 't1:noted', at }, { thingId: 't1' });
    const again = recordEvent(thing, noted, { ...meta, id: 't1:noted' }, { thingId: 'other' });
    expect(again).toBe(first);
    expect(thing.outbox).toHaveLength(1);
    expect(thing.eventSequence).toBe(1);
    expect(first).toMatchObject({ id: 't1:noted', occurredAt: at.toISOString(), sequence: 1 });
  });

  it('stores no undefined fields, which a store would turn into nulls', () => {
    const thing = carrier();
    recordEvent(thing, noted, meta, { thingId: 't1', note: undefined });
    expect(Object.keys(thing.outbox[0]?.payload as object)).toEqual(['thingId']);
  });

  it('refuses a payload that breaks the contract', () => {
    expect(() => recordEvent(carrier(), noted, meta, { thingId: 1 } as never)).toThrow(
      'does not match its contract',
    );
  });
});

describe('streamOf', () => {
  it('names the stream of an event type after its context', () => {
    expect(streamOf('orders.order.placed')).toBe('ORDERS');
    expect(streamOf(noted)).toBe('SHOP');
    expect(() => streamOf('placed')).toThrow(RangeError);
  });

  it('agrees with the declared streams: one per context, subjects `<context>.>`', () => {
    const declared = JSON.parse(
      readFileSync(new URL('../../../../infra/nats/streams.json', import.meta.url), 'utf8'),
    ) as { name: string; subjects: string[] }[];
    for (const stream of declared) {
      expect(stream.subjects).toHaveLength(1);
      const context = (stream.subjects[0] as string).replace(/\.>$/, '');
      expect(streamOf(`${context}.entity.happened`)).toBe(stream.name);
    }
  });
});
