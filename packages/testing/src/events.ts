import { type EventEnvelope, parseEnvelope } from '@bloom/kernel';
import { connect } from '@nats-io/transport-node';
import { testEnv } from './env.js';
import { waitFor } from './wait.js';

export interface EventRecorder {
  events: EventEnvelope[];
  ofType(type: string): EventEnvelope[];
  waitForType(type: string, count?: number, timeoutMs?: number): Promise<EventEnvelope[]>;
  close(): Promise<void>;
}

/** Listens (core NATS) to every event published under a test namespace. */
export async function recordEvents(namespace: string): Promise<EventRecorder> {
  const connection = await connect({ servers: testEnv.NATS_URL, name: 'test-recorder' });
  const events: EventEnvelope[] = [];
  const subscription = connection.subscribe(`${namespace}.>`, {
    callback: (error, message) => {
      if (!error) events.push(parseEnvelope(message.json()));
    },
  });
  await connection.flush();
  const ofType = (type: string) => events.filter((event) => event.type === type);
  return {
    events,
    ofType,
    waitForType: (type, count = 1, timeoutMs = 10_000) =>
      waitFor(() => (ofType(type).length >= count ? ofType(type) : null), { timeoutMs, what: `${count} × ${type}` }),
    close: async () => {
      subscription.unsubscribe();
      await connection.drain();
    },
  };
}
