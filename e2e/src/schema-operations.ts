import { readFileSync } from 'node:fs';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** The committed supergraph, as the gateway serves it. */
export const SUPERGRAPH_SDL = readFileSync(
  new URL('../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);

/** The supergraph read as a plain schema (join directives kept, so `@inaccessible` shows). */
export const supergraphSchema: GraphQLSchema = buildSchema(SUPERGRAPH_SDL, {
  assumeValidSDL: true,
});

export type RootKind = 'Query' | 'Mutation' | 'Subscription';

/** One root field called with the smallest valid arguments and selection. */
export interface RootOperation {
  kind: RootKind;
  field: string;
  /** `Query.me`, as the access table keys it. */
  coordinate: string;
  document: string;
  variables: Record<string, unknown>;
}

const hidden = (field: GraphQLField<unknown, unknown>) =>
  field.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;

/**
 * A value the schema accepts for a type: required input fields filled in, optional ones left
 * out; `pick` chooses scalars, so a fuzzer can make them hostile while staying valid GraphQL.
 */
export function valueFor(
  type: GraphQLInputType,
  pick: (scalar: string, path: string) => unknown = plainScalar,
  path = '',
  depth = 0,
): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, pick, path, depth);
  if (isListType(type)) return [valueFor(type.ofType, pick, `${path}[0]`, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) return pick(type.name, path);
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    if (depth > 6) return value;
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = valueFor(field.type, pick, `${path}.${field.name}`, depth + 1);
      }
    }
    return value;
  }
  return null;
}

let counter = 0;
/** Well-formed scalars: a fresh ObjectId-shaped id, a short word, small numbers, now. */
export function plainScalar(scalar: string): unknown {
  counter += 1;
  switch (scalar) {
    case 'ID':
      return counter.toString(16).padStart(24, 'a');
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return 'x';
  }
}

const required = (argument: GraphQLArgument) =>
  isNonNullType(argument.type) && argument.defaultValue === undefined;

/** An operation calling one root field; optional arguments are left out. */
export function rootOperation(
  kind: RootKind,
  field: GraphQLField<unknown, unknown>,
  pick: (scalar: string, path: string) => unknown = plainScalar,
): RootOperation {
  const args = field.args.filter(required);
  const variables: Record<string, unknown> = {};
  const declarations = args.map((argument, index) => {
    variables[`a${index}`] = valueFor(argument.type, pick, argument.name);
    return `$a${index}: ${String(argument.type)}`;
  });
  const call = args.map((argument, index) => `${argument.name}: $a${index}`);
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const header = declarations.length ? `(${declarations.join(', ')})` : '';
  const document = `${kind.toLowerCase()} Probe${header} { probe: ${field.name}${
    call.length ? `(${call.join(', ')})` : ''
  }${selection} }`;
  return { kind, field: field.name, coordinate: `${kind}.${field.name}`, document, variables };
}

/** Every root field a client can reach through the gateway, each as one operation. */
export function rootOperations(
  pick: (scalar: string, path: string) => unknown = plainScalar,
): RootOperation[] {
  const roots: [RootKind, GraphQLObjectType | null | undefined][] = [
    ['Query', supergraphSchema.getQueryType()],
    ['Mutation', supergraphSchema.getMutationType()],
    ['Subscription', supergraphSchema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {})
      .filter((field) => !hidden(field))
      .map((field) => rootOperation(kind, field, pick)),
  );
}
