import { type Caller, type EventContract, createEvent, createLogger } from '@bloom/kernel';
import { type RunningSmsEmulator, startSmsEmulator } from '@bloom/sms-emulator';
import {
  TEST_CALLER_SECRET,
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  gqlRequest,
  testEnv,
} from '@bloom/testing';
import { connect } from '@nats-io/transport-node';
import { loadNotificationsConfig } from '../src/notifications.config.js';
import { type NotificationsServer, buildServer } from '../src/server.js';

export interface NotificationsHarness {
  server: NotificationsServer;
  sms: RunningSmsEmulator;
  namespace: string;
  /** Live messages the service published (core NATS), by subject without namespace. */
  live: { subject: string; data: Record<string, unknown> }[];
  /** Sets the service's clock. */
  setNow(at: Date): void;
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Partial<Caller>,
  ): ReturnType<typeof gqlRequest<T>>;
  /** Builds an envelope as its producer would. */
  event<T>(
    contract: EventContract<string, T>,
    payload: T,
    id?: string,
  ): ReturnType<typeof createEvent<T>>;
  close(): Promise<void>;
}

/** A real notifications subgraph on a free port, with its own database, streams and SMS emulator. */
export async function startNotifications(
  label: string,
  env: Record<string, string> = {},
): Promise<NotificationsHarness> {
  const dbName = freshDatabaseName(label);
  const namespace = await createStreamNamespace();
  const sms = await startSmsEmulator({
    port: 0,
    host: '127.0.0.1',
    apiKey: 'test-sms-key-1234',
    print: () => undefined,
  });
  let now = new Date();
  const server = await buildServer(
    loadNotificationsConfig({
      PORT: '0',
      MONGO_URL: testEnv.MONGO_URL,
      NATS_URL: testEnv.NATS_URL,
      EVENT_NAMESPACE: namespace,
      NOTIFICATIONS_DB: dbName,
      CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
      SMS_API_URL: sms.url,
      SMS_API_KEY: 'test-sms-key-1234',
      LOG_LEVEL: 'silent',
      // The sweeper is driven by the tests.
      SMS_SWEEP_INTERVAL_MS: '3600000',
      ...env,
    }),
    {
      logger: createLogger({
        service: 'notifications',
        level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
      }),
      now: () => now,
    },
  );
  await server.listen();
  const nc = await connect({ servers: testEnv.NATS_URL });
  const live: NotificationsHarness['live'] = [];
  nc.subscribe(`${namespace}.live.>`, {
    callback: (_error, message) => {
      live.push({
        subject: message.subject.slice(namespace.length + 1),
        data: message.json<Record<string, unknown>>(),
      });
    },
  });
  await nc.flush();
  let sequence = 0;
  return {
    server,
    sms,
    namespace,
    live,
    setNow: (at) => {
      now = at;
    },
    call: (query, variables = {}, caller = {}) =>
      gqlRequest(server.url, query, variables, callerHeaders(caller)),
    event: (contract, payload, id) =>
      createEvent(
        contract,
        {
          source: 'test',
          subjectId: 'subject',
          sequence: ++sequence,
          traceId: 'test',
          id,
          at: now,
        },
        payload,
      ),
    close: async () => {
      await server.close();
      await nc.drain();
      await sms.close();
      await deleteStreamNamespace(namespace);
      await dropDatabase(dbName);
    },
  };
}
