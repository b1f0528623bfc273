import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { type EntityManager, ObjectId } from '@mikro-orm/mongodb';
import { type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../errors/errors.js';

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field({ nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor?: string;

  @Field()
  hasNextPage!: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(name)
  class ConnectionType {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

export function pageSize(first: number | undefined, max = 100): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badInput(`first must be between 1 and ${max}.`, { field: 'first' });
  }
  return size;
}

/*
 * Keyset (cursor) paging over one or more sort keys. A cursor is opaque to clients: base64url
 * of the JSON array of the last row's values for every key, the row id last, so paging is
 * stable even when many rows share a sort value.
 */

/** `id`: an ObjectId (sent as hex); `string`: a plain string key. */
export type KeyKind = 'number' | 'date' | 'id' | 'string';

export interface SortKey<Row> {
  field: string;
  dir: 'asc' | 'desc';
  kind: KeyKind;
  value: (row: Row) => number | Date | string;
}

export const sortKey = <Row>(
  field: string,
  dir: 'asc' | 'desc',
  kind: KeyKind,
  value: SortKey<Row>['value'],
): SortKey<Row> => ({ field, dir, kind, value });

/** Newest first by a date field, ties broken by `_id` the same way: the order of most lists. */
export const newestFirst = <Row>(
  field: string,
  at: (row: Row) => Date,
  id: (row: Row) => string,
  idKind: 'id' | 'string' = 'id',
): SortKey<Row>[] => [sortKey(field, 'desc', 'date', at), sortKey('_id', 'desc', idKind, id)];

export type CursorValue = number | Date | ObjectId | string;

const MAX_DATE_MS = 8.64e15;

const invalidCursor = () => badInput('The cursor is not valid.', { field: 'after' });

const toCursorValue = (value: number | Date | string): number | string =>
  value instanceof Date ? value.getTime() : value;

function fromCursorValue(kind: KeyKind, value: unknown): CursorValue {
  if (kind === 'id' && typeof value === 'string' && ObjectId.isValid(value)) {
    return new ObjectId(value);
  }
  if (kind === 'string' && typeof value === 'string') return value;
  // Beyond ±8.64e15 ms a Date is invalid, and the driver fails to serialise it in the filter.
  if (kind === 'date' && typeof value === 'number' && Math.abs(value) <= MAX_DATE_MS) {
    return new Date(value);
  }
  if (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalidCursor();
}

export function encodeKeysetCursor<Row>(keys: readonly SortKey<Row>[], row: Row): string {
  return Buffer.from(JSON.stringify(keys.map((key) => toCursorValue(key.value(row))))).toString(
    'base64url',
  );
}

/** The cursor's value for every key, typed by the key's kind; BAD_USER_INPUT when it does not fit. */
export function decodeKeysetCursor<Row>(
  keys: readonly SortKey<Row>[],
  cursor: string,
): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== keys.length) throw invalidCursor();
  return keys.map((key, i) => fromCursorValue(key.kind, values[i]));
}

/** The filter that selects the rows after the cursor in the order the keys describe. */
export function afterCursor<Row>(
  keys: readonly SortKey<Row>[],
  cursor: string,
): Record<string, unknown> {
  const decoded = decodeKeysetCursor(keys, cursor);
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

/**
 * A page from rows read with one row more than the page (`limit: first + 1`): that extra row
 * only tells that a next page exists.
 */
export function pageFrom<Row>(
  rows: readonly Row[],
  first: number,
  totalCount: number,
  cursorOf: (row: Row) => string,
): Page<Row> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last === undefined ? undefined : cursorOf(last),
    },
  };
}

/** One keyset page of an entity: a count query and a find query, whatever the page size. */
export async function findPage<Row extends object>(
  em: EntityManager,
  entity: EntityName<Row>,
  where: FilterQuery<Row>,
  keys: readonly SortKey<Row>[],
  first: number,
  after?: string | null,
): Promise<Page<Row>> {
  const paged = after ? ({ $and: [where, afterCursor(keys, after)] } as FilterQuery<Row>) : where;
  const [totalCount, rows] = await Promise.all([
    em.count(entity, where),
    em.find(entity, paged, { orderBy: orderByOf(keys) as QueryOrderMap<Row>, limit: first + 1 }),
  ]);
  return pageFrom(rows as Row[], first, totalCount, (row) => encodeKeysetCursor(keys, row));
}
