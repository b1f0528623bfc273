import { createHmac, timingSafeEqual } from 'node:crypto';
import type { BloomEvent } from './generated/events.js';

/**
 * Webhook signatures: `Bloom-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * The timestamp is signed with the body so a captured delivery cannot be replayed later, and
 * during a secret rotation the platform signs with both secrets (two `v1=` entries).
 */

export const SIGNATURE_HEADER = 'Bloom-Signature';

/** Deliveries older (or newer) than this are refused by default: five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type WebhookFailureReason =
  | 'MISSING_HEADER'
  | 'MALFORMED_HEADER'
  | 'TIMESTAMP_OUT_OF_TOLERANCE'
  | 'SIGNATURE_MISMATCH'
  | 'INVALID_JSON';

export type WebhookVerification =
  { ok: true; event: BloomEvent; timestamp: number } | { ok: false; reason: WebhookFailureReason };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** A Date, or unix seconds. */
type Instant = Date | number;
const unixSeconds = (at: Instant) =>
  typeof at === 'number' ? Math.floor(at) : Math.floor(at.getTime() / 1000);

function secretsOf(secret: string | readonly string[]): string[] {
  const secrets = (typeof secret === 'string' ? [secret] : [...secret]).filter((s) => s !== '');
  if (secrets.length === 0) throw new TypeError('A webhook secret is required.');
  return secrets;
}

function hmac(secret: string, timestamp: number, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * The `Bloom-Signature` header value for a body: one `v1=` per secret (the new one and the old
 * one during a rotation). `timestamp` is unix seconds or a Date (default: now).
 */
export function signWebhook(
  body: string | Uint8Array,
  secret: string | readonly string[],
  timestamp: Instant = new Date(),
): string {
  const t = unixSeconds(timestamp);
  const signatures = secretsOf(secret).map((s) => `v1=${hmac(s, t, body).toString('hex')}`);
  return [`t=${t}`, ...signatures].join(',');
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return undefined;
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (a future v2) are skipped, so adding one does not break this verifier.
  }
  if (timestamp === undefined || signatures.length === 0) return undefined;
  return { timestamp, signatures };
}

/**
 * Checks a delivery: the raw body exactly as received (before any JSON parsing), its
 * `Bloom-Signature` header (Node's `req.headers['bloom-signature']` as it is), and the
 * endpoint's secret (several while rotating: any may match). The signature is checked before
 * the timestamp, so an unsigned request learns nothing about the clock. `now` is a Date or unix
 * seconds.
 */
export function verifyWebhook(
  body: string | Uint8Array,
  header: string | readonly string[] | undefined,
  secret: string | readonly string[],
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  now: Instant = new Date(),
): WebhookVerification {
  const secrets = secretsOf(secret);
  // A header sent twice arrives as an array: its entries are one list, as if comma-joined.
  const value = typeof header === 'string' ? header : header?.join(',');
  if (value === undefined || value.trim() === '') return { ok: false, reason: 'MISSING_HEADER' };
  const parsed = parseHeader(value);
  if (!parsed) return { ok: false, reason: 'MALFORMED_HEADER' };

  let matched = false;
  for (const s of secrets) {
    const expected = hmac(s, parsed.timestamp, body);
    for (const signature of parsed.signatures) {
      // Every pair is compared (no early exit) in constant time.
      if (timingSafeEqual(expected, signature)) matched = true;
    }
  }
  if (!matched) return { ok: false, reason: 'SIGNATURE_MISMATCH' };
  if (Math.abs(unixSeconds(now) - parsed.timestamp) > toleranceSeconds) {
    return { ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  }

  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'INVALID_JSON' };
  }
  if (!isEnvelope(event)) return { ok: false, reason: 'INVALID_JSON' };
  return { ok: true, event, timestamp: parsed.timestamp };
}

/**
 * The envelope's shape, not the payload's: the signature already proves the platform sent it,
 * and event types added later must still reach the caller (handle them in a default branch).
 */
function isEnvelope(value: unknown): value is BloomEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type, payload } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof type === 'string' &&
    typeof payload === 'object' &&
    payload !== null
  );
}
