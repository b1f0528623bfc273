import { readFileSync } from 'node:fs';
import { cpuMs } from './cpu.js';

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU seconds the measured server process used during the run (from /proc). */
  serverCpuSeconds?: number;
  serverRssMb?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

/** utime + stime of a process in seconds (Linux). */
export function cpuSeconds(pid: number): number {
  return (cpuMs(pid) ?? Number.NaN) / 1000;
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

/**
 * Closed-loop load: `concurrency` workers each send the next request when the last answers,
 * for `seconds` after a warm-up. Bounded in time; loopback only.
 */
export async function runLoad(options: {
  label: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  serverPid?: number;
}): Promise<LoadResult> {
  const send = async () => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
    });
    const text = await response.text();
    return response.ok && !text.includes('"errors"');
  };
  const loop = async (until: number, latencies: number[] | null, counts: { errors: number }) => {
    while (Date.now() < until) {
      const start = performance.now();
      const ok = await send().catch(() => false);
      if (!ok) counts.errors += 1;
      latencies?.push(performance.now() - start);
    }
  };
  const warm = { errors: 0 };
  await Promise.all(
    Array.from({ length: options.concurrency }, () =>
      loop(Date.now() + (options.warmupSeconds ?? 2) * 1000, null, warm),
    ),
  );
  const latencies: number[] = [];
  const counts = { errors: 0 };
  const cpuBefore = options.serverPid ? cpuSeconds(options.serverPid) : 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, () =>
      loop(Date.now() + options.seconds * 1000, latencies, counts),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    requests: latencies.length,
    errors: counts.errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    serverCpuSeconds: options.serverPid ? cpuSeconds(options.serverPid) - cpuBefore : undefined,
    serverRssMb: options.serverPid ? rssMb(options.serverPid) : undefined,
  };
}

export function printTable(results: LoadResult[]): void {
  console.log(
    '\n| path | requests | errors | req/s | req/s per server core | p50 ms | p99 ms | server RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const perCore = r.serverCpuSeconds ? (r.requests / r.serverCpuSeconds).toFixed(0) : 'n/a';
    console.log(
      `| ${r.label} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${perCore} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.serverRssMb?.toFixed(0) ?? 'n/a'} |`,
    );
  }
}
