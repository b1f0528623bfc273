import { readFileSync } from 'node:fs';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  astFromValue,
  buildSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  print,
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

/** A field clients cannot select (`@inaccessible` in the supergraph). */
export const hidden = (field: GraphQLField<unknown, unknown>) =>
  field.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;

/** How an optional input (argument or input field) is sent: left out, explicit null, or filled. */
export type OptionalChoice = 'omit' | 'null' | 'fill';

/**
 * What a fuzzer chooses beyond scalars. Every default keeps the plain behaviour: optional
 * inputs left out, an enum's first value, lists of one item.
 */
export interface ValueChoices {
  optional?: (path: string) => OptionalChoice;
  enumValue?: (values: readonly string[], path: string) => string | undefined;
  listLength?: (path: string) => number;
}

/**
 * A value the schema accepts for a type: required input fields filled in, optional ones left
 * out; `pick` chooses scalars, so a fuzzer can make them hostile while staying valid GraphQL.
 * `choices` can also send optional fields (or explicit nulls), other enum values, longer lists.
 */
export function valueFor(
  type: GraphQLInputType,
  pick: (scalar: string, path: string) => unknown = plainScalar,
  path = '',
  depth = 0,
  choices: ValueChoices = {},
): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, pick, path, depth, choices);
  if (isListType(type)) {
    const length = depth > 6 ? 0 : (choices.listLength?.(path) ?? 1);
    return Array.from({ length }, (_, i) =>
      valueFor(type.ofType, pick, `${path}[${i}]`, depth + 1, choices),
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((value) => value.name);
    return choices.enumValue?.(names, path) ?? names[0];
  }
  if (isScalarType(type)) return pick(type.name, path);
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    if (depth > 6) return value;
    for (const field of Object.values(type.getFields())) {
      const fieldPath = `${path}.${field.name}`;
      const needed = isNonNullType(field.type) && field.defaultValue === undefined;
      const choice = needed ? 'fill' : (choices.optional?.(fieldPath) ?? 'omit');
      if (choice === 'null' && !isNonNullType(field.type)) value[field.name] = null;
      else if (choice !== 'omit') {
        value[field.name] = valueFor(field.type, pick, fieldPath, depth + 1, choices);
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
  return rootFields().map(({ kind, field }) => rootOperation(kind, field, pick));
}

/** What `fuzzOperation` chooses, on top of the values' choices. */
export interface OperationChoices extends ValueChoices {
  pick: (scalar: string, path: string) => unknown;
  /** Write this argument's value into the document as a literal instead of a variable. */
  inline?: (path: string) => boolean;
  /** Which of an object type's fields to select besides `__typename` (none by default). */
  select?: (
    fields: GraphQLField<unknown, unknown>[],
    path: string,
  ) => GraphQLField<unknown, unknown>[];
  /** Nesting below the root field (2 by default). */
  maxDepth?: number;
}

const visibleFields = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((field) => !hidden(field));

/**
 * One root field called with arguments and a selection chosen by `choices`: required
 * arguments always, optional ones left out, null or filled; object fields selected (with
 * their own arguments) a few levels deep, abstract types spread into every member; values sent
 * as variables or literals. Always valid GraphQL for the supergraph, whatever the values.
 */
export function fuzzOperation(
  kind: RootKind,
  field: GraphQLField<unknown, unknown>,
  choices: OperationChoices,
): RootOperation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const maxDepth = choices.maxDepth ?? 2;
  let aliases = 0;

  const argumentsOf = (target: GraphQLField<unknown, unknown>, path: string) => {
    const written: string[] = [];
    for (const argument of target.args) {
      const argPath = `${path}.${argument.name}`;
      const needed = required(argument);
      const choice = needed ? 'fill' : (choices.optional?.(argPath) ?? 'omit');
      if (choice === 'omit') continue;
      const value =
        choice === 'null' && !isNonNullType(argument.type)
          ? null
          : valueFor(argument.type, choices.pick, argument.name, 0, choices);
      const literal = choices.inline?.(argPath) ? astFromValue(value, argument.type) : null;
      if (literal) {
        written.push(`${argument.name}: ${print(literal)}`);
      } else {
        const name = `v${declarations.length}`;
        declarations.push(`$${name}: ${String(argument.type)}`);
        variables[name] = value;
        written.push(`${argument.name}: $${name}`);
      }
    }
    return written.length ? `(${written.join(', ')})` : '';
  };

  const selectionOf = (type: GraphQLNamedType, path: string, depth: number): string => {
    if (!isCompositeType(type)) return '';
    const parts = ['__typename'];
    const fieldsOf = (object: GraphQLObjectType, at: string) =>
      depth >= maxDepth
        ? []
        : (choices.select?.(visibleFields(object), at) ?? []).map((child) => {
            const childPath = `${at}.${child.name}`;
            const args = argumentsOf(child, childPath);
            // A fresh alias each: fields of two members that share a name cannot conflict.
            aliases += 1;
            const inner = selectionOf(getNamedType(child.type), childPath, depth + 1);
            return `f${aliases}: ${child.name}${args}${inner}`;
          });
    if (isObjectType(type)) parts.push(...fieldsOf(type, `${path}`));
    if (isAbstractType(type)) {
      const members = supergraphSchema.getPossibleTypes(type);
      const userError = supergraphSchema.getType('UserError');
      if (
        isInterfaceType(userError) &&
        members.some((member) => member.getInterfaces().includes(userError))
      ) {
        parts.push('... on UserError { code message }');
      }
      for (const member of members) {
        const inner = fieldsOf(member, `${path}<${member.name}>`);
        if (inner.length) parts.push(`... on ${member.name} { ${inner.join(' ')} }`);
      }
    }
    return ` { ${parts.join(' ')} }`;
  };

  const args = argumentsOf(field, field.name);
  const selection = selectionOf(getNamedType(field.type), field.name, 0);
  const header = declarations.length ? `(${declarations.join(', ')})` : '';
  const document = `${kind.toLowerCase()} Fuzz${header} { probe: ${field.name}${args}${selection} }`;
  return { kind, field: field.name, coordinate: `${kind}.${field.name}`, document, variables };
}

/** Every root field a client can reach through the gateway, by kind. */
export function rootFields(): { kind: RootKind; field: GraphQLField<unknown, unknown> }[] {
  const roots: [RootKind, GraphQLObjectType | null | undefined][] = [
    ['Query', supergraphSchema.getQueryType()],
    ['Mutation', supergraphSchema.getMutationType()],
    ['Subscription', supergraphSchema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    type ? visibleFields(type).map((field) => ({ kind, field })) : [],
  );
}
