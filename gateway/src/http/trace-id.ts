import { randomUUID } from 'node:crypto';

export const TRACE_HEADER = 'x-trace-id';

/** Long enough to be unique, short and plain enough to be safe in logs and headers. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** Keeps a caller's trace id when it is well-formed, so a trace spans client and services. */
export function traceIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}
