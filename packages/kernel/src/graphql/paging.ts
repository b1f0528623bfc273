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

/** Cursors are opaque to clients: base64url of [sort value, id]. */
export const encodeCursor = (sortValue: string | number, id: string) =>
  Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw badInput('The cursor is not valid.', { field: 'after' });
}

export function pageSize(first: number | undefined, max = 100): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badInput(`first must be between 1 and ${max}.`, { field: 'first' });
  }
  return size;
}
