import {
  type Caller,
  EventBus,
  type EventContract,
  type EventEnvelope,
  type Logger,
  type Service,
  createEvent,
  createLogger,
} from '@bloom/kernel';
import { type Db, MongoClient } from 'mongodb';
import { freshDatabaseName, dropDatabase } from './database.js';
import { TEST_CALLER_SECRET, testEnv } from './env.js';
import { type EventRecorder, recordEvents } from './events.js';
import {
  type GraphQLResponse,
  type Operation,
  callerHeaders,
  gqlRequest,
} from './graphql-client.js';
import { listening } from './service.js';
import { createStreamNamespace, deleteStreamNamespace } from './streams.js';
import { waitFor } from './wait.js';

/** The service's clock in tests: real time moved by hand, or pinned to an instant. */
export class TestClock {
  private offsetMs = 0;
  private pinned: Date | undefined;

  readonly now = (): Date =>
    this.pinned ? new Date(this.pinned) : new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    if (this.pinned) this.pinned = new Date(this.pinned.getTime() + ms);
    else this.offsetMs += ms;
  }

  set(at: Date | string): void {
    this.pinned = new Date(at);
  }
}

export interface SubgraphHarnessOptions<C, S extends Service> {
  /** The service name (logger, NATS client). */
  name: string;
  /** Names the test database. */
  label: string;
  /** The config variable holding the database name, e.g. STORES_DB. */
  dbVariable: string;
  /** The service's own variables on top of the test defaults. */
  env?: Record<string, string>;
  loadConfig: (env: Record<string, string | undefined>) => C;
  build: (config: C, base: { logger: Logger; now: () => Date }) => Promise<S>;
  clock?: TestClock;
}

export interface EnvelopeMeta {
  subjectId?: string;
  id?: string;
  sequence?: number;
  /** When it happened; now (real time, so projections see producers' order) by default. */
  at?: Date;
}

export interface SubgraphHarness<C, S extends Service> {
  /** The running service (a new one after `restart`). */
  readonly server: S;
  readonly config: C;
  readonly dbName: string;
  readonly namespace: string;
  /** Every event published in the namespace, as durable consumers see them. */
  readonly events: EventRecorder;
  /** Publishes into the namespace, as other services would. */
  readonly bus: EventBus;
  /** The service's database, through a client of the test's own. */
  readonly db: Db;
  readonly logger: Logger;
  readonly clock: TestClock;
  now(): Date;
  advance(ms: number): void;
  /** Calls the subgraph as the gateway would, signed for `caller` (anonymous by default). */
  call<R = unknown, V = Record<string, unknown>>(
    query: Operation<R, V>,
    variables?: V,
    caller?: Partial<Caller>,
  ): Promise<GraphQLResponse<R>>;
  /**
   * An event envelope as another service would publish it; without a
   * `sequence`, each envelope gets the next one of a counter shared by every subject.
   */
  envelope<T>(
    contract: EventContract<string, T>,
    payload: T,
    meta?: EnvelopeMeta,
  ): EventEnvelope<T>;
  /** Publishes an envelope into the namespace (JetStream, msgID = event id) and returns it. */
  publish<T>(
    contract: EventContract<string, T>,
    payload: T,
    meta?: EnvelopeMeta,
  ): Promise<EventEnvelope<T>>;
  /** Waits for the first event of a type whose payload has these values. */
  eventFor(type: string, match: Record<string, unknown>): Promise<EventEnvelope>;
  /** Stops the service and starts it again on the same database and namespace. */
  restart(): Promise<void>;
  /** Another instance on the same database, as a second replica would be (closed with it). */
  replica(): Promise<S>;
  close(): Promise<void>;
}

/**
 * Starts a real subgraph in-process on a free port, with its own database, stream namespace,
 * event recorder, publisher and clock: what every subgraph's test harness needs.
 */
export async function startSubgraph<C, S extends Service>(
  options: SubgraphHarnessOptions<C, S>,
): Promise<SubgraphHarness<C, S>> {
  const dbName = freshDatabaseName(options.label);
  const namespace = await createStreamNamespace();
  const events = await recordEvents(namespace);
  const clock = options.clock ?? new TestClock();
  const config = options.loadConfig({
    PORT: '0',
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    [options.dbVariable]: dbName,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const logger = createLogger({
    service: options.name,
    level: testEnv.TEST_LOG_LEVEL,
  });
  const start = () => listening(options.build(config, { logger, now: clock.now }));
  let server = await start();
  const bus = await EventBus.connect({
    servers: testEnv.NATS_URL,
    namespace,
    name: `${options.name}-test-publisher`,
    logger,
  });
  const client = await MongoClient.connect(testEnv.MONGO_URL);
  const replicas: S[] = [];
  let sequence = 0;

  const envelope: SubgraphHarness<C, S>['envelope'] = (contract, payload, meta = {}) => {
    if (meta.sequence === undefined) sequence += 1;
    return createEvent(
      contract,
      {
        source: 'test',
        subjectId: meta.subjectId ?? 'test',
        sequence: meta.sequence ?? sequence,
        traceId: 'test',
        id: meta.id,
        at: meta.at,
      },
      payload,
    );
  };

  return {
    get server() {
      return server;
    },
    config,
    dbName,
    namespace,
    events,
    bus,
    db: client.db(dbName),
    logger,
    clock,
    now: clock.now,
    advance: (ms) => clock.advance(ms),
    call: (query, variables, caller = {}) =>
      gqlRequest(server.url, query, variables, callerHeaders(caller)),
    envelope,
    publish: async (contract, payload, meta) => {
      const event = envelope(contract, payload, meta);
      await bus.publish(event);
      return event;
    },
    eventFor: (type, match) =>
      waitFor(
        () =>
          events
            .ofType(type)
            .find((event) =>
              Object.entries(match).every(
                ([key, value]) => (event.payload as Record<string, unknown>)[key] === value,
              ),
            ),
        { what: `${type} ${JSON.stringify(match)}` },
      ),
    async restart() {
      await server.close();
      server = await start();
    },
    async replica() {
      const replica = await start();
      replicas.push(replica);
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.close()));
      await server.close();
      await bus.close();
      await events.close();
      await client.close();
      await deleteStreamNamespace(namespace);
      await dropDatabase(dbName);
    },
  };
}
