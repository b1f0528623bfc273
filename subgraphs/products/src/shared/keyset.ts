import { badInput } from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';

/**
 * Keyset (cursor) paging over several sort keys. A cursor is opaque to clients: base64url of
 * the last row's values for every key, the row id last, so paging is stable even when many
 * rows share a sort value.
 */

/** `id`: an ObjectId (sent as hex); `string`: a plain string key. */
export type KeyKind = 'number' | 'date' | 'id' | 'string';

export interface SortKey<Row> {
  field: string;
  dir: 'asc' | 'desc';
  kind: KeyKind;
  value: (row: Row) => number | Date | string;
}

type Stored = number | Date | ObjectId | string;

const toCursorValue = (value: number | Date | string): number | string =>
  value instanceof Date ? value.getTime() : value;

function fromCursorValue(kind: KeyKind, value: unknown): Stored {
  if (kind === 'id' && typeof value === 'string' && ObjectId.isValid(value)) {
    return new ObjectId(value);
  }
  if (kind === 'string' && typeof value === 'string') return value;
  if (kind === 'date' && typeof value === 'number' && Number.isFinite(value))
    return new Date(value);
  if (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
  throw badInput('The cursor is not valid.', { field: 'after' });
}

export function encodeKeysetCursor<Row>(keys: readonly SortKey<Row>[], row: Row): string {
  return Buffer.from(JSON.stringify(keys.map((key) => toCursorValue(key.value(row))))).toString(
    'base64url',
  );
}

/** The filter that selects the rows after the cursor in the order the keys describe. */
export function afterCursor<Row>(
  keys: readonly SortKey<Row>[],
  cursor: string,
): Record<string, unknown> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('The cursor is not valid.', { field: 'after' });
  }
  if (!Array.isArray(values) || values.length !== keys.length) {
    throw badInput('The cursor is not valid.', { field: 'after' });
  }
  const decoded = keys.map((key, i) => fromCursorValue(key.kind, values[i]));
  const alternatives = keys.map((key, i) => {
    const clause: Record<string, unknown> = {};
    for (let j = 0; j < i; j += 1) clause[(keys[j] as SortKey<Row>).field] = decoded[j];
    clause[key.field] = { [key.dir === 'asc' ? '$gt' : '$lt']: decoded[i] };
    return clause;
  });
  return { $or: alternatives };
}

export function orderByOf<Row>(keys: readonly SortKey<Row>[]): Record<string, 'asc' | 'desc'> {
  return Object.fromEntries(keys.map((key) => [key.field, key.dir]));
}
