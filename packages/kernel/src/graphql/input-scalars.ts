import {
  GraphQLError,
  type GraphQLScalarType,
  type GraphQLSchema,
  Kind,
  type StringValueNode,
  type ValueNode,
  print,
} from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify((text ?? String(value)).slice(0, 40));
};

const invalidDateTime = (value: unknown, node?: ValueNode) =>
  new GraphQLError(
    `DateTimeISO needs a real date and time in RFC 3339 form, such as 2025-05-01T09:00:00Z; got ${shown(value)}.`,
    node ? { nodes: node } : {},
  );

/**
 * Gives a schema's opaque scalars the checks the subgraphs make (type-graphql's DateTimeISO
 * is graphql-scalars' own), for a schema that only passes values through: the gateway's. A
 * value no subgraph would accept (`""`, `not-a-date`, `2024-02-30T00:00:00Z`) is then refused
 * at the edge, as GraphQL's variable-coercion (BAD_USER_INPUT) or validation error, before any
 * subgraph runs; valid values go on unchanged. Mutates the schema's scalar types in place, so
 * every holder of the schema (the request pipeline, the WebSocket server) sees the checks.
 */
export function checkInputScalars(schema: GraphQLSchema): GraphQLSchema {
  const found = schema.getType(GraphQLDateTimeISO.name);
  // Not `isScalarType`: the gateway's schema may come from another copy of graphql.
  if (found && 'parseLiteral' in found) {
    const dateTime = found as GraphQLScalarType;
    dateTime.parseValue = (value: unknown) => {
      try {
        GraphQLDateTimeISO.parseValue(value);
      } catch {
        throw invalidDateTime(value);
      }
      return value;
    };
    dateTime.parseLiteral = (node, variables) => {
      try {
        GraphQLDateTimeISO.parseLiteral(node, variables);
      } catch {
        throw invalidDateTime(node.kind === Kind.STRING ? node.value : print(node), node);
      }
      return (node as StringValueNode).value;
    };
  }
  return schema;
}
