#!/usr/bin/env node
// Applies the JetStream streams declared in infra/nats/streams.json.
//
// Plain Node ESM on purpose: no build step, usable from bash (infra/local/up.sh), from
// docker-compose (the one-shot `nats-streams` service) and from tests:
//
//   import { applyStreams, deleteStreams } from '../../infra/nats/apply-streams.mjs';
//   await applyStreams({ servers: 'nats://127.0.0.1:4222', namespace: 'test_ab12' });
//   await deleteStreams({ servers: 'nats://127.0.0.1:4222', namespace: 'test_ab12' });
//
// CLI:
//   node infra/nats/apply-streams.mjs [--servers nats://127.0.0.1:4222] [--namespace ns]
//                                     [--file streams.json] [--replicas N] [--delete] [--quiet]
//
// Idempotent: a missing stream is added, a stream whose config differs is updated, an equal
// one is left alone. With a namespace `ns` the stream `ORDERS` becomes `ns_ORDERS` and its
// subject `orders.>` becomes `ns.orders.>`, so parallel test runs never see each other's events.
// `replicas` overrides every stream's replica count (production: 3 on a 3-node NATS cluster).
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  jetstreamManager,
} from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const here = dirname(fileURLToPath(import.meta.url));

export const DEFAULT_SERVERS = 'nats://127.0.0.1:4222';
export const DEFAULT_FILE = join(here, 'streams.json');

const NANOS_PER_SECOND = 1_000_000_000;
const NAMESPACE_RE = /^[A-Za-z0-9_-]+$/;
const STREAM_NAME_RE = /^[A-Za-z0-9_-]+$/;

/**
 * @typedef {object} StreamDeclaration
 * @property {string} name
 * @property {string[]} subjects
 * @property {number} max_age_seconds
 * @property {number} duplicate_window_seconds
 * @property {'file' | 'memory'} storage
 * @property {number} replicas
 */

/**
 * @typedef {object} StreamResult
 * @property {string} name stream name as applied (with the namespace prefix)
 * @property {'created' | 'updated' | 'unchanged'} action
 */

/**
 * Reads and validates the stream declarations.
 * @param {string} [file]
 * @returns {StreamDeclaration[]}
 */
export function loadStreamDeclarations(file = DEFAULT_FILE) {
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of streams`);
  const seen = new Set();
  return parsed.map((/** @type {unknown} */ entry, index) => {
    const where = `${file}[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: not an object`);
    const s = /** @type {Record<string, unknown>} */ (entry);
    if (typeof s.name !== 'string' || !STREAM_NAME_RE.test(s.name)) {
      throw new Error(`${where}: "name" must match ${STREAM_NAME_RE}`);
    }
    if (seen.has(s.name)) throw new Error(`${where}: duplicate stream ${s.name}`);
    seen.add(s.name);
    /** @type {unknown[]} */
    const rawSubjects = Array.isArray(s.subjects) ? s.subjects : [];
    const subjects = rawSubjects.filter((x) => typeof x === 'string' && x.length > 0);
    if (subjects.length === 0 || subjects.length !== rawSubjects.length) {
      throw new Error(`${where}: "subjects" must be a non-empty array of strings`);
    }
    for (const key of ['max_age_seconds', 'duplicate_window_seconds', 'replicas']) {
      const v = s[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        throw new Error(`${where}: "${key}" must be a non-negative integer`);
      }
    }
    if (s.storage !== StorageType.File && s.storage !== StorageType.Memory) {
      throw new Error(`${where}: "storage" must be "file" or "memory"`);
    }
    return /** @type {StreamDeclaration} */ ({
      name: s.name,
      subjects,
      max_age_seconds: s.max_age_seconds,
      duplicate_window_seconds: s.duplicate_window_seconds,
      storage: s.storage,
      replicas: s.replicas,
    });
  });
}

/** @param {string} namespace */
function checkNamespace(namespace) {
  if (namespace !== '' && !NAMESPACE_RE.test(namespace)) {
    throw new Error(`namespace "${namespace}" must match ${NAMESPACE_RE}`);
  }
}

/**
 * The JetStream stream configuration for one declaration, namespaced.
 * @param {StreamDeclaration} decl
 * @param {string} [namespace]
 */
export function toStreamConfig(decl, namespace = '', replicas = decl.replicas) {
  checkNamespace(namespace);
  return {
    name: namespace ? `${namespace}_${decl.name}` : decl.name,
    subjects: decl.subjects.map((s) => (namespace ? `${namespace}.${s}` : s)),
    retention: RetentionPolicy.Limits,
    storage: decl.storage === 'memory' ? StorageType.Memory : StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: decl.max_age_seconds * NANOS_PER_SECOND,
    duplicate_window: decl.duplicate_window_seconds * NANOS_PER_SECOND,
    num_replicas: replicas,
  };
}

/** @param {unknown} err */
function isStreamNotFound(err) {
  return err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound;
}

/** @param {string[]} a @param {string[]} b */
function sameSubjects(a, b) {
  return [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * @param {{ servers?: string | string[], nc?: import('@nats-io/nats-core').NatsConnection }} opts
 * @returns {Promise<{ nc: import('@nats-io/nats-core').NatsConnection, owned: boolean }>}
 */
async function open({ servers, nc }) {
  if (nc) return { nc, owned: false };
  const target = servers ?? process.env.NATS_URL ?? DEFAULT_SERVERS;
  try {
    return {
      nc: await connect({ servers: target, name: 'apply-streams', timeout: 5000 }),
      owned: true,
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot connect to NATS at ${String(target)}: ${reason}`, { cause: err });
  }
}

/**
 * Adds missing streams and updates changed ones.
 * @param {{ servers?: string | string[], namespace?: string, file?: string, replicas?: number,
 *           nc?: import('@nats-io/nats-core').NatsConnection }} [options]
 *   `servers` defaults to $NATS_URL or nats://127.0.0.1:4222; pass `nc` to reuse a connection
 *   (it is left open). `replicas` overrides the declared replica counts.
 * @returns {Promise<StreamResult[]>}
 */
export async function applyStreams({
  servers,
  namespace = '',
  file = DEFAULT_FILE,
  replicas,
  nc,
} = {}) {
  checkNamespace(namespace);
  if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 1 || replicas > 5)) {
    throw new Error(`replicas must be an integer from 1 to 5, got ${replicas}`);
  }
  const declarations = loadStreamDeclarations(file);
  const conn = await open({ servers, nc });
  try {
    const jsm = await jetstreamManager(conn.nc);
    /** @type {StreamResult[]} */
    const results = [];
    for (const decl of declarations) {
      const cfg = toStreamConfig(decl, namespace, replicas ?? decl.replicas);
      try {
        results.push(await applyOne(jsm, cfg));
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(`stream ${cfg.name}: ${reason}`, { cause: err });
      }
    }
    return results;
  } finally {
    if (conn.owned) await conn.nc.close();
  }
}

/**
 * @param {import('@nats-io/jetstream').JetStreamManager} jsm
 * @param {ReturnType<typeof toStreamConfig>} cfg
 * @returns {Promise<StreamResult>}
 */
async function applyOne(jsm, cfg) {
  let current;
  try {
    current = (await jsm.streams.info(cfg.name)).config;
  } catch (err) {
    if (!isStreamNotFound(err)) throw err;
  }
  if (!current) {
    await jsm.streams.add(cfg);
    return { name: cfg.name, action: 'created' };
  }
  if (current.storage !== cfg.storage || current.retention !== cfg.retention) {
    throw new Error(
      `storage/retention cannot change in place ` +
        `(have ${current.storage}/${current.retention}, want ${cfg.storage}/${cfg.retention}); ` +
        `delete the stream (locally: npm run infra:down && rm -rf .local/data/nats)`,
    );
  }
  const unchanged =
    sameSubjects(current.subjects ?? [], cfg.subjects) &&
    current.max_age === cfg.max_age &&
    current.duplicate_window === cfg.duplicate_window &&
    current.discard === cfg.discard &&
    current.num_replicas === cfg.num_replicas;
  if (unchanged) {
    return { name: cfg.name, action: 'unchanged' };
  }
  const { name, retention: _r, storage: _s, ...update } = cfg;
  await jsm.streams.update(name, update);
  return { name, action: 'updated' };
}

/**
 * Deletes every stream whose name starts with `${namespace}_` and whose subjects all start with
 * `${namespace}.` (test clean-up; the real, unprefixed streams are never touched).
 * @param {{ servers?: string | string[], namespace: string,
 *           nc?: import('@nats-io/nats-core').NatsConnection }} options
 * @returns {Promise<string[]>} the deleted stream names
 */
export async function deleteStreams({ servers, namespace, nc }) {
  if (typeof namespace !== 'string' || namespace === '') {
    throw new Error(
      'deleteStreams needs a non-empty namespace (it never deletes the real streams)',
    );
  }
  checkNamespace(namespace);
  const conn = await open({ servers, nc });
  try {
    const jsm = await jetstreamManager(conn.nc);
    const prefix = `${namespace}_`;
    /** @type {string[]} */
    const names = [];
    for await (const si of jsm.streams.list()) {
      const { name, subjects = [] } = si.config;
      // The subject check keeps namespace `t` from deleting the streams of namespace `t_x`.
      if (name.startsWith(prefix) && subjects.every((s) => s.startsWith(`${namespace}.`))) {
        names.push(name);
      }
    }
    /** @type {string[]} */
    const deleted = [];
    for (const name of names) {
      try {
        await jsm.streams.delete(name);
        deleted.push(name);
      } catch (err) {
        if (!isStreamNotFound(err)) throw err;
      }
    }
    return deleted;
  } finally {
    if (conn.owned) await conn.nc.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string' },
      namespace: { type: 'string', default: '' },
      file: { type: 'string' },
      replicas: { type: 'string' },
      delete: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: node infra/nats/apply-streams.mjs [--servers URL] [--namespace NS] [--file FILE]\n' +
        '                                       [--replicas N] [--delete] [--quiet]\n' +
        `  --servers    NATS server(s), comma separated (default: $NATS_URL or ${DEFAULT_SERVERS})\n` +
        '  --namespace  prefix stream names (NS_NAME) and subjects (NS.subject)\n' +
        `  --file       stream declarations (default: ${DEFAULT_FILE})\n` +
        "  --replicas   override every stream's replica count (e.g. 3 on a NATS cluster)\n" +
        '  --delete     delete every stream named NS_* instead (needs --namespace)',
    );
    return;
  }
  const servers = values.servers?.split(',').map((s) => s.trim());
  const namespace = values.namespace ?? '';
  if (values.delete) {
    const deleted = await deleteStreams({ servers, namespace });
    if (!values.quiet) {
      const list = deleted.length > 0 ? ` (${deleted.join(', ')})` : '';
      console.log(`streams   deleted ${deleted.length}${list}`);
    }
    return;
  }
  const file = values.file ? resolve(values.file) : DEFAULT_FILE;
  const replicas = values.replicas === undefined ? undefined : Number(values.replicas);
  const results = await applyStreams({ servers, namespace, file, replicas });
  if (!values.quiet) {
    /** @param {StreamResult['action']} action */
    const named = (action) => results.filter((r) => r.action === action).map((r) => r.name);
    const parts = [];
    for (const action of /** @type {const} */ (['created', 'updated'])) {
      const names = named(action);
      if (names.length > 0) parts.push(`${names.length} ${action} (${names.join(', ')})`);
    }
    const unchanged = named('unchanged').length;
    if (unchanged > 0) parts.push(`${unchanged} unchanged`);
    console.log(`streams   ${results.length} declared: ${parts.join(', ')}`);
  }
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));

if (invokedDirectly) {
  main().catch((/** @type {unknown} */ err) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
