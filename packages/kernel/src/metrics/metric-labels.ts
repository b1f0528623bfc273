/**
 * Label values for metrics, each from a bounded set: a label that could take any value a
 * client sends (a path, an operation name, an error code) would grow Prometheus' series
 * without bound. Ids never become labels.
 */

/** Operation names longer than this are treated as anonymous (generated or abusive). */
export const MAX_OPERATION_NAME_LENGTH = 64;
/** Distinct operation names one process labels; later new names become `other`. */
export const MAX_OPERATION_NAMES = 500;

export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_LABEL = 'other';

/**
 * Admits the first `limit` distinct values it is given and maps every later new value to the
 * fallback, so a label's cardinality is capped per process whatever callers send.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly fallback = OTHER_LABEL,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return this.fallback;
    this.seen.add(value);
    return value;
  }

  get size(): number {
    return this.seen.size;
  }
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The label of an operation: its name when it is a GraphQL name of at most 64 characters,
 * `anonymous` otherwise, and `other` once the process has seen `MAX_OPERATION_NAMES` names.
 */
export function operationLabel(names: BoundedLabel, name: string | null | undefined): string {
  if (!name || name.length > MAX_OPERATION_NAME_LENGTH || !GRAPHQL_NAME.test(name)) {
    return ANONYMOUS_OPERATION;
  }
  return names.of(name);
}

/** The routes every service has; anything else is `other`, never the raw path. */
export const KERNEL_ROUTES: readonly string[] = ['/graphql', '/health', '/ready', '/metrics'];

/**
 * The route label of a request URL: a known route when the path is it or lies below it
 * (`/images/<key>` → `/images`), `other` otherwise.
 */
export function routeLabel(url: string | undefined, routes: readonly string[] = KERNEL_ROUTES) {
  const raw = url ?? '/';
  const end = raw.indexOf('?');
  const path = end < 0 ? raw : raw.slice(0, end);
  for (const route of routes) {
    if (path === route || (path.startsWith(route) && path.charCodeAt(route.length) === 47)) {
      return route;
    }
  }
  return OTHER_LABEL;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : 'OTHER';
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

/** An error's `extensions.code` as a label: an upper-case code, else `UNKNOWN`. */
export function errorCodeLabel(codes: BoundedLabel, code: unknown): string {
  return typeof code === 'string' && ERROR_CODE.test(code) ? codes.of(code) : 'UNKNOWN';
}
