import type { Db } from 'mongodb';
import type { EventEnvelope } from './envelope.js';

/**
 * The version of a projection written from an event: its time, then its producer's sequence.
 * A projection keeps the highest version it has seen, so a redelivered or late event never
 * rolls it back.
 */
const eventVersion = (event: EventEnvelope): number =>
  Date.parse(event.occurredAt) * 1000 + (event.sequence % 1000);

/**
 * Upserts another context's snapshot (a projection) from one of its events, unless the
 * document already holds a newer version. Projections are last-writer-wins data no invariant
 * depends on, so an upsert is enough; undefined fields are left as they are.
 */
export async function upsertProjection(
  db: Db,
  collectionName: string,
  id: string,
  event: EventEnvelope,
  fields: Record<string, unknown>,
): Promise<void> {
  const collection = db.collection(collectionName);
  const version = eventVersion(event);
  const current = await collection.findOne({ _id: id as never }, { projection: { version: 1 } });
  if (current && ((current.version as number | undefined) ?? 0) > version) return;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await collection.updateOne(
    { _id: id as never },
    { $set: { ...set, version, updatedAt: new Date() } },
    { upsert: true },
  );
}
