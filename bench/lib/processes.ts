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
  let onExit: (code: number | null) => void = () => undefined;
  // A service that stops at boot (a config error) fails the start at once, not after 30 s.
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`${entry} exited (${code}) before ${healthUrl} answered`));
    child.once('exit', onExit);
  });
  try {
    await Promise.race([
      waitFor(async () => (await fetch(healthUrl)).ok, { timeoutMs: 30_000, what: healthUrl }),
      exited,
    ]);
  } catch (error) {
    await stop(child);
    throw error;
  } finally {
    child.off('exit', onExit);
  }
  return child;
}

/** SIGTERM, and SIGKILL if the service has not exited 10 s later. */
export async function stop(child: ChildProcess): Promise<void> {
  // A child killed by a signal keeps exitCode null.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
