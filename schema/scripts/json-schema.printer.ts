/**
 * Prints TypeScript types from the JSON Schemas that zod 4's `z.toJSONSchema` produces for the
 * event contracts, so @bloom/sdk can ship payload types without depending on zod or on the
 * schema package. It covers the keywords those schemas use and throws on any other keyword that
 * changes the type, so a new kind of contract fails generation instead of printing a wrong type.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
}

// Keywords that only constrain values (documented, not typed) or carry metadata.
const IGNORED = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentEncoding',
  'contentMediaType',
  'propertyNames',
  'id',
]);
const TYPED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export interface PrintContext {
  /** `$defs` of the root schema, for `#/$defs/<name>` references (inlined: contracts have no cycles). */
  defs: Record<string, JsonSchema>;
  /** Where the schema came from, for error messages. */
  where: string;
}

/** A printed type, and whether it is a union or intersection (parenthesised as an operand). */
interface Printed {
  text: string;
  compound: boolean;
}

/** The TypeScript type of a schema, as one expression (objects as multi-line literals). */
export function printType(schema: JsonSchema, context: PrintContext, indent = ''): string {
  return print(schema, context, indent).text;
}

function print(schema: JsonSchema, context: PrintContext, indent: string): Printed {
  for (const keyword of Object.keys(schema)) {
    if (!TYPED.has(keyword) && !IGNORED.has(keyword)) {
      throw new Error(`${context.where}: unsupported JSON Schema keyword "${keyword}"`);
    }
  }
  if (schema.$ref !== undefined) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : context.defs[name];
    if (!target) throw new Error(`${context.where}: unresolvable $ref ${schema.$ref}`);
    return print(target, context, indent);
  }
  if ('const' in schema) return atom(literal(schema.const, context));
  if (schema.enum) return union(schema.enum.map((value) => atom(literal(value, context))));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return union(alternatives.map((member) => print(member, context, indent)));
  if (schema.allOf) {
    const parts = schema.allOf.map((member) => wrap(print(member, context, indent)));
    return parts.length === 1
      ? atom(parts[0] ?? 'unknown')
      : { text: parts.join(' & '), compound: true };
  }
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length === 0) return atom('unknown');
  return union(types.map((type) => printOfType(type, schema, context, indent)));
}

function printOfType(
  type: string,
  schema: JsonSchema,
  context: PrintContext,
  indent: string,
): Printed {
  switch (type) {
    case 'string':
      return atom('string');
    case 'number':
    case 'integer':
      return atom('number');
    case 'boolean':
      return atom('boolean');
    case 'null':
      return atom('null');
    case 'array':
      if (schema.prefixItems) {
        const items = schema.prefixItems.map((item) => printType(item, context, indent));
        return atom(`[${items.join(', ')}]`);
      }
      return atom(schema.items ? `${wrap(print(schema.items, context, indent))}[]` : 'unknown[]');
    case 'object':
      return atom(printObject(schema, context, indent));
    default:
      throw new Error(`${context.where}: unsupported JSON Schema type "${type}"`);
  }
}

/** An object literal type; JSDoc on each property from its description and constraints. */
export function printObject(schema: JsonSchema, context: PrintContext, indent = ''): string {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const lines: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    lines.push(...printDoc(property, inner));
    const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    const optional = required.has(name) ? '' : '?';
    lines.push(`${inner}${key}${optional}: ${printType(property, context, inner)};`);
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) {
    const value = extra === true ? 'unknown' : printType(extra, context, inner);
    lines.push(`${inner}[key: string]: ${value};`);
  } else if (extra === undefined && schema.properties === undefined) {
    // An object without a declared shape: say nothing about its keys.
    return 'Record<string, unknown>';
  }
  if (lines.length === 0) return 'Record<string, never>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** JSDoc lines for a schema: its description, then what the type cannot say (integer, ranges). */
export function printDoc(schema: JsonSchema, indent: string): string[] {
  const notes: string[] = [];
  if (schema.description) notes.push(...schema.description.split('\n'));
  const facts = constraints(schema);
  if (facts.length > 0) notes.push(facts.join(', '));
  if (notes.length === 0) return [];
  const safe = notes.map((note) => note.replaceAll('*/', '*\\/'));
  if (safe.length === 1) return [`${indent}/** ${safe[0]} */`];
  return [`${indent}/**`, ...safe.map((note) => `${indent} * ${note}`.trimEnd()), `${indent} */`];
}

function constraints(schema: JsonSchema): string[] {
  const facts: string[] = [];
  if (schema.type === 'integer') facts.push('integer');
  if (schema.format === 'date-time') facts.push('ISO 8601 date-time (UTC)');
  else if (schema.format !== undefined) facts.push(`format ${schema.format}`);
  else if (schema.pattern !== undefined && schema.pattern.length <= 60) {
    facts.push(`pattern \`${schema.pattern}\``);
  }
  const min = schema.minimum;
  const max =
    schema.maximum !== undefined && schema.maximum < MAX_SAFE ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) facts.push(`${min}–${max}`);
  else if (min !== undefined) facts.push(`≥ ${min}`);
  else if (max !== undefined) facts.push(`≤ ${max}`);
  if (schema.exclusiveMinimum !== undefined) facts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.exclusiveMaximum !== undefined) facts.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) {
    facts.push(schema.minLength === 1 ? 'non-empty' : `at least ${schema.minLength} characters`);
  }
  if (schema.maxLength !== undefined) facts.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined && schema.minItems > 0) {
    facts.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  }
  if (schema.maxItems !== undefined) facts.push(`at most ${schema.maxItems} items`);
  return facts;
}

function literal(value: unknown, context: PrintContext): string {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return JSON.stringify(value);
  }
  throw new Error(`${context.where}: unsupported literal ${JSON.stringify(value)}`);
}

const atom = (text: string): Printed => ({ text, compound: false });

function union(members: Printed[]): Printed {
  const unique = [...new Map(members.map((member) => [member.text, member])).values()];
  const [only] = unique;
  if (only === undefined) return atom('never');
  if (unique.length === 1) return only;
  return { text: unique.map((member) => member.text).join(' | '), compound: true };
}

/** Parenthesises a union or intersection where it is an operand (array element, intersection). */
function wrap(printed: Printed): string {
  return printed.compound ? `(${printed.text})` : printed.text;
}
