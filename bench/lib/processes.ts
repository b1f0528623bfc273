import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@bloom/testing';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a service from its TypeScript entry as a separate process, as `npm start` does. */
export async function startService(
  entry: string,
  env: Record<string, string>,
  healthUrl: string,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', '@bloom/kernel/register', entry],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitFor(async () => (await fetch(healthUrl)).ok, { timeoutMs: 30_000, what: healthUrl });
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
