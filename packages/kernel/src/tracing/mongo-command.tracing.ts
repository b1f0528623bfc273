import type {
  CommandFailedEvent,
  CommandStartedEvent,
  CommandSucceededEvent,
  MongoClient,
} from 'mongodb';
import { type Span, SpanKind, failSpan, hasRecordingSpan, startSpan } from './trace-spans.js';

/** Handshakes and probes: not work a request did. */
const UNTRACED = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'endSessions',
  'saslStart',
  'saslContinue',
  'buildInfo',
]);

type CommandEvent = CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent;
const keyOf = (event: CommandEvent) => `${String(event.connectionId ?? '')}:${event.requestId}`;

/**
 * A CLIENT span per database command issued inside a traced request or event (the driver's
 * command monitoring, which the client must be created with). Commands outside any span —
 * sweeps, scans, index builds at start — are not traced, so a trace holds only what its
 * request caused. Names and attributes only; no statement or values (they hold personal data).
 */
export function traceMongoCommands(client: MongoClient, scope: string): void {
  const open = new Map<string, Span>();
  client.on('commandStarted', (event) => {
    if (UNTRACED.has(event.commandName) || !hasRecordingSpan()) return;
    const target: unknown = (event.command as Record<string, unknown>)[event.commandName];
    const collection = typeof target === 'string' ? target : undefined;
    const span = startSpan(
      scope,
      collection ? `${event.commandName} ${collection}` : event.commandName,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'mongodb',
          'db.namespace': event.databaseName,
          'db.operation.name': event.commandName,
          ...(collection ? { 'db.collection.name': collection } : {}),
          'server.address': event.address,
        },
      },
    );
    open.set(keyOf(event), span);
  });
  client.on('commandSucceeded', (event) => {
    const key = keyOf(event);
    const span = open.get(key);
    if (!span) return;
    open.delete(key);
    span.end();
  });
  client.on('commandFailed', (event) => {
    const key = keyOf(event);
    const span = open.get(key);
    if (!span) return;
    open.delete(key);
    failSpan(span, event.failure);
    span.end();
  });
}
