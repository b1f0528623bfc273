import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { testEnv } from './env.js';

/** A database name no other test file uses; drop it with `dropDatabase` afterwards. */
export function freshDatabaseName(label: string): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 20);
  return `t_${safe}_${randomBytes(4).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new MongoClient(testEnv.MONGO_URL);
  try {
    await client.connect();
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
