import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { testEnv } from './env.js';

interface StreamTool {
  applyStreams(options: { servers: string; namespace: string; file?: string }): Promise<unknown>;
  deleteStreams(options: { servers: string; namespace: string }): Promise<unknown>;
}

const toolUrl = new URL('../../../infra/nats/apply-streams.mjs', import.meta.url);

async function tool(): Promise<StreamTool> {
  return (await import(fileURLToPath(toolUrl))) as StreamTool;
}

/**
 * A fresh stream namespace: the declared streams are created under a random prefix so
 * concurrent test files and runs never see each other's events.
 */
export async function createStreamNamespace(): Promise<string> {
  const namespace = `t${randomBytes(4).toString('hex')}`;
  await (await tool()).applyStreams({ servers: testEnv.NATS_URL, namespace });
  return namespace;
}

export async function deleteStreamNamespace(namespace: string): Promise<void> {
  await (await tool()).deleteStreams({ servers: testEnv.NATS_URL, namespace });
}
