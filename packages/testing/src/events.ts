import { readFileSync } from 'node:fs';
import { type EventEnvelope, parseEnvelope } from '@bloom/kernel';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { testEnv } from './env.js';
import { waitFor } from './wait.js';

export interface EventRecorder {
  events: EventEnvelope[];
  ofType(type: string): EventEnvelope[];
  waitForType(type: string, count?: number, timeoutMs?: number): Promise<EventEnvelope[]>;
  close(): Promise<void>;
}

const declarations = JSON.parse(
  readFileSync(new URL('../../../infra/nats/streams.json', import.meta.url), 'utf8'),
) as { name: string }[];

/**
 * Reads every stream of a test namespace through JetStream ordered consumers, so it sees
 * exactly what durable consumers see (server-side duplicates already dropped).
 */
export async function recordEvents(namespace: string): Promise<EventRecorder> {
  const connection = await connect({ servers: testEnv.NATS_URL, name: 'test-recorder' });
  const js = jetstream(connection);
  const events: EventEnvelope[] = [];
  const streams = await Promise.all(
    declarations.map(async ({ name }) => {
      const consumer = await js.consumers.get(`${namespace}_${name}`, {
        deliver_policy: DeliverPolicy.All,
      });
      return consumer.consume({
        callback: (message) => {
          events.push(parseEnvelope(message.json()));
        },
      });
    }),
  );
  const ofType = (type: string) => events.filter((event) => event.type === type);
  return {
    events,
    ofType,
    waitForType: (type, count = 1, timeoutMs = 10_000) =>
      waitFor(() => (ofType(type).length >= count ? ofType(type) : null), {
        timeoutMs,
        what: `${count} × ${type}`,
      }),
    close: async () => {
      await Promise.all(streams.map((messages) => messages.close()));
      await connection.drain();
    },
  };
}
