import type { MikroORM } from '@mikro-orm/mongodb';
import type { Db } from 'mongodb';
import { ConfigError } from '../config/config.js';
import { type Consumption, EventBus } from '../events/event-bus.js';
import { type OutboxDocId, type OutboxLocator, OutboxRelay } from '../events/outbox-relay.js';
import { ProcessedEvents } from '../events/processed-events.js';
import { type LogLevel, type Logger, createLogger } from '../logging/logger.js';
import { type ServiceMetrics, serviceMetrics } from '../metrics/metrics.registry.js';
import { type OrmOptions, createOrm, rawDb } from '../orm/orm.js';
import type { TracingConfig } from '../tracing/tracing.config.js';
import { startTracing } from '../tracing/tracing.provider.js';
import type { HttpShell, Listening, Readiness } from './http-shell.js';

export interface RuntimeOptions {
  /** The bounded context: the service and NATS client name. */
  name: string;
  logger: Logger;
  mongoUrl: string;
  dbName: string;
  entities: OrmOptions['entities'];
  natsUrl: string;
  namespace: string;
  /** Collections whose documents carry an outbox; the relay publishes from them. */
  outbox: readonly string[];
  /** Events a durable consumer handles at once unless it says otherwise (EVENT_CONCURRENCY). */
  eventConcurrency?: number;
  /** How often the relay scans every outbox for events nobody kicked (crash recovery). */
  outboxScanIntervalMs?: number;
}

/** Anything a service starts that must stop before the bus and database close. */
export interface Stoppable {
  stop(): Promise<void> | void;
}

/**
 * What every subgraph runs on: its ORM, raw database, event bus, outbox relay (started),
 * processed-event records, its metrics registry (the one its HTTP shell serves at /metrics,
 * where the bus and the relay record), and the consumers and background jobs it adds. `close()` stops them
 * once, in one order: jobs and consumers (last started first), the relay, the bus, the ORM.
 */
export class ServiceRuntime {
  readonly db: Db;
  readonly relay: OutboxRelay;
  readonly processed: ProcessedEvents;
  private readonly started: Stoppable[] = [];
  private closing: Promise<void> | undefined;

  private constructor(
    readonly orm: MikroORM,
    readonly bus: EventBus,
    readonly logger: Logger,
    relay: OutboxRelay,
    readonly metrics: ServiceMetrics,
  ) {
    this.db = rawDb(orm.em);
    this.relay = relay;
    this.processed = new ProcessedEvents(this.db);
    this.relay.start();
  }

  /** Connects the database and the bus; nothing is left open when either fails. */
  static async start(options: RuntimeOptions): Promise<ServiceRuntime> {
    const orm = await createOrm({
      clientUrl: options.mongoUrl,
      dbName: options.dbName,
      entities: options.entities,
      traceScope: options.name,
    });
    const metrics = serviceMetrics(options.name);
    try {
      const bus = await EventBus.connect({
        servers: options.natsUrl,
        namespace: options.namespace,
        name: options.name,
        logger: options.logger,
        defaultConcurrency: options.eventConcurrency,
        metrics,
      });
      const db = rawDb(orm.em);
      const relay = new OutboxRelay(
        options.outbox.map((name) => db.collection(name)),
        (event) => bus.publish(event),
        options.logger,
        { scanIntervalMs: options.outboxScanIntervalMs, locate: outboxLocator(orm), metrics },
      );
      try {
        await relay.ensureIndexes();
      } catch (error) {
        await bus.close();
        throw error;
      }
      return new ServiceRuntime(orm, bus, options.logger, relay, metrics);
    } catch (error) {
      await orm.close();
      throw error;
    }
  }

  /** Keeps consumers or a job to stop on close; returns what it was given. */
  track<T extends Stoppable | Consumption[]>(started: T): T {
    if (Array.isArray(started)) this.started.push(...started);
    else this.started.push(started);
    return started;
  }

  /**
   * Runs the service's wiring (consumers, jobs, schema, HTTP shell); when it throws, everything
   * started so far is closed before the error goes on.
   */
  async wire<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.close().catch((closeError: unknown) =>
        this.logger.error('closing after a failed start failed', { error: closeError }),
      );
      throw error;
    }
  }

  /** The database answers a ping and the NATS connection is open. */
  readonly readiness = async (): Promise<Readiness> => {
    await this.db.command({ ping: 1 });
    if (this.bus.connection.isClosed()) throw new Error('NATS connection closed');
    return { ready: true };
  };

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const started of [...this.started].reverse()) await started.stop();
      await this.relay.stop();
      await this.bus.close();
      await this.orm.close();
    })();
    return this.closing;
  }
}

/**
 * Where a written entity's events wait: its collection from the ORM's metadata (by its class)
 * and its `_id`, so a call site kicks the relay with the entity it flushed.
 */
function outboxLocator(orm: MikroORM): OutboxLocator {
  return (entity) => {
    const meta = orm.getMetadata().find(entity.constructor);
    const id = (entity as { _id?: OutboxDocId })._id;
    return meta && id !== undefined ? { collection: meta.collection, id } : undefined;
  };
}

/** A built service: not listening yet, so tests pick ports and the public URL is known after. */
export interface Service {
  listen(port?: number, host?: string): Promise<Listening>;
  close(): Promise<void>;
  /** `http://host:port/graphql` once listening. */
  readonly url: string;
  /** `http://host:port` once listening. */
  readonly origin: string;
  readonly port: number;
}

/**
 * A Service over an HTTP shell, listening by default where the configuration says, with the
 * service's own handles (deps, relay...) beside it for tests and scripts.
 */
export function serviceOf<T extends object>(
  shell: HttpShell,
  defaults: { port: number; host: string },
  handles: T,
): Service & T {
  let listening: Listening | undefined;
  const current = () => {
    if (!listening) throw new Error('the service is not listening yet');
    return listening;
  };
  const service: Service = {
    async listen(port = defaults.port, host = defaults.host) {
      listening = await shell.listen(port, host);
      return listening;
    },
    close: () => shell.close(),
    get url() {
      return current().url;
    },
    get origin() {
      return current().origin;
    },
    get port() {
      return current().port;
    },
  };
  // Descriptors, not a spread: a handle may be a getter that is only valid once listening.
  return Object.defineProperties(service, Object.getOwnPropertyDescriptors(handles)) as Service & T;
}

/**
 * A service's whole main: config from `env` (main.ts passes process.env; nothing else reads
 * it), logger, build, listen where the config says, and a clean close on SIGINT/SIGTERM. An invalid config or a failed
 * start is one readable line on stderr and exit 1; a failed start closes what it opened.
 */
export async function runService<C extends { LOG_LEVEL: LogLevel } & TracingConfig>(
  name: string,
  env: Record<string, string | undefined>,
  loadConfig: (env: Record<string, string | undefined>) => C,
  build: (config: C, overrides: { logger: Logger }) => Promise<Service>,
): Promise<void> {
  const config = configOrExit(name, env, loadConfig);
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  // Before the build, so the database client and the bus are created traced.
  const tracing = startTracing(config, { name });
  let service: Service | undefined;
  try {
    service = await build(config, { logger });
    await service.listen();
  } catch (error) {
    logger.error('failed to start', { error });
    await service?.close().catch(() => undefined);
    await tracing?.shutdown().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name}: failed to start: ${reason}\n`);
    process.exit(1);
  }
  const running = service;
  closeOnSignals(async () => {
    await running.close();
    // The last spans are exported before the process exits.
    await tracing?.shutdown();
  }, logger);
}

/** The config, or one readable line on stderr and exit 1 when it is invalid. */
function configOrExit<C>(
  name: string,
  env: Record<string, string | undefined>,
  loadConfig: (env: Record<string, string | undefined>) => C,
): C {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One readable line for whoever starts the process; a stack trace would bury it.
    process.stderr.write(`${name}: invalid configuration: ${error.problems.join('; ')}\n`);
    process.exit(1);
  }
}

/**
 * A local emulator's main (payments, SMS, webhooks, OpenAI): config from `env` as a service's,
 * a logger (at the config's LOG_LEVEL, else info), `start`, and a clean close on SIGINT/SIGTERM.
 */
export async function runEmulator<C extends object>(
  name: string,
  env: Record<string, string | undefined>,
  loadConfig: (env: Record<string, string | undefined>) => C,
  start: (config: C, logger: Logger) => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  const config = configOrExit(name, env, loadConfig);
  const level = 'LOG_LEVEL' in config ? (config.LOG_LEVEL as LogLevel) : 'info';
  const logger = createLogger({ service: name, level });
  const emulator = await start(config, logger);
  closeOnSignals(() => emulator.close(), logger);
}

/** SIGINT/SIGTERM close the service cleanly once; a second signal exits at once. */
export function closeOnSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
}
