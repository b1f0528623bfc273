import type { EventContract, createEvent } from '@bloom/kernel';
import { type RunningSmsEmulator, startSmsEmulator } from '@bloom/sms-emulator';
import {
  type SubgraphHarness,
  TestClock,
  customerCaller,
  expectUnion,
  startSubgraph,
  testEnv,
} from '@bloom/testing';
import { connect } from '@nats-io/transport-node';
import { type NotificationsConfig, loadNotificationsConfig } from '../src/notifications.config.js';
import { type NotificationsServer, buildServer } from '../src/server.js';
import { graphql } from './generated/index.js';

export interface NotificationsHarness extends SubgraphHarness<
  NotificationsConfig,
  NotificationsServer
> {
  sms: RunningSmsEmulator;
  /** Live messages the service published (core NATS), by subject without namespace. */
  live: { subject: string; data: Record<string, unknown> }[];
  /** Sets the service's clock. */
  setNow(at: Date): void;
  /** Builds an envelope as its producer would. */
  event<T>(
    contract: EventContract<string, T>,
    payload: T,
    id?: string,
  ): ReturnType<typeof createEvent<T>>;
}

/** A real notifications subgraph on a free port, with its own database, streams and SMS emulator. */
export async function startNotifications(
  label: string,
  env: Record<string, string> = {},
): Promise<NotificationsHarness> {
  const sms = await startSmsEmulator({
    port: 0,
    host: '127.0.0.1',
    apiKey: 'test-sms-key-1234',
    print: () => undefined,
  });
  const clock = new TestClock();
  clock.set(new Date());
  const base = await startSubgraph({
    name: 'notifications',
    label,
    dbVariable: 'NOTIFICATIONS_DB',
    env: {
      SMS_API_URL: sms.url,
      SMS_API_KEY: 'test-sms-key-1234',
      // The sweeper is driven by the tests.
      SMS_SWEEP_INTERVAL_MS: '3600000',
      ...env,
    },
    loadConfig: loadNotificationsConfig,
    build: buildServer,
    clock,
  });
  const nc = await connect({ servers: testEnv.NATS_URL });
  const live: NotificationsHarness['live'] = [];
  nc.subscribe(`${base.namespace}.live.>`, {
    callback: (_error, message) => {
      live.push({
        subject: message.subject.slice(base.namespace.length + 1),
        data: message.json<Record<string, unknown>>(),
      });
    },
  });
  await nc.flush();
  const closeBase = base.close.bind(base);
  return Object.assign(base, {
    sms,
    live,
    setNow: (at: Date) => clock.set(at),
    event: <T>(contract: EventContract<string, T>, payload: T, id?: string) =>
      base.envelope(contract, payload, { subjectId: 'subject', id, at: clock.now() }),
    close: async () => {
      await closeBase();
      await nc.drain();
      await sms.close();
    },
  });
}

const SET_SMS_PHONE = graphql(`
  mutation SetSmsPhone($p: String) {
    updateNotificationSettings(input: { smsPhone: $p }) {
      __typename
    }
  }
`);

/** Saves a customer's SMS number; throws unless the answer is the saved settings. */
export async function setPhone(h: NotificationsHarness, userId: string, phone: string) {
  const res = await h.call(SET_SMS_PHONE, { p: phone }, customerCaller(userId));
  expectUnion(res.data?.updateNotificationSettings, 'NotificationSettings');
}
