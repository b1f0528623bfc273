import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { repoRoot } from './processes.js';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (`getconf CLK_TCK`). */
export const clockTicks = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/** The cores this machine gives the processes, for the ceiling CPU per checkout implies. */
export const cores = availableParallelism();

/** utime + stime of a process (all its threads) in milliseconds, or undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name, which may itself contain spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}

/** The pid of the process listening on a loopback TCP port, from /proc/net/tcp{,6} and fds. */
export function listenerPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      const local = columns[1];
      // State 0A is LISTEN; the local address ends in :<port, hex>.
      if (columns[3] === '0A' && local && parseInt(local.split(':')[1] ?? '', 16) === port) {
        if (columns[9]) inodes.add(`socket:[${columns[9]}]`);
      }
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        if (inodes.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      }
    } catch {
      // Another user's process, or one that just exited.
    }
  }
  return undefined;
}

/** A pid from infra/local's .local/run/<name>.pid, when that process still runs. */
function pidFile(name: string): number | undefined {
  try {
    const pid = Number(readFileSync(`${repoRoot}.local/run/${name}.pid`, 'utf8').trim());
    return cpuMs(pid) === undefined ? undefined : pid;
  } catch {
    return undefined;
  }
}

const portOf = (url: string, fallback: number) => Number(new URL(url).port || fallback);

/**
 * The database and NATS serving these URLs: whoever listens on their ports (so a database
 * started elsewhere is found too), else infra/local's pid files.
 */
export function infraPids(mongoUrl: string, natsUrl: string) {
  const mongoPort = portOf(mongoUrl, 27017);
  return {
    database: listenerPid(mongoPort) ?? pidFile(mongoPort === 27017 ? 'mongo' : 'mongo-test'),
    nats: listenerPid(portOf(natsUrl, 4222)) ?? pidFile('nats'),
  };
}

export interface MeasuredProcess {
  name: string;
  pid: number | undefined;
}

/** CPU milliseconds each process used between `start()` and `stop()`. */
export class CpuMeter {
  private before = new Map<string, number | undefined>();

  constructor(private readonly processes: MeasuredProcess[]) {}

  start(): void {
    for (const p of this.processes) this.before.set(p.name, p.pid ? cpuMs(p.pid) : undefined);
  }

  /** Per process, the CPU it used since start(); undefined when it could not be read. */
  stop(): { name: string; ms: number | undefined }[] {
    return this.processes.map((p) => {
      const before = this.before.get(p.name);
      const after = p.pid ? cpuMs(p.pid) : undefined;
      return {
        name: p.name,
        ms: before === undefined || after === undefined ? undefined : after - before,
      };
    });
  }
}
