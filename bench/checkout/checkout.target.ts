import type { MeasuredProcess } from '../lib/cpu.js';

/** What the load loop needs from a mode: where to check out, as whom, and what to measure. */
export interface CheckoutTarget {
  /** The header line naming the mode. */
  description: string;
  /** Where customer `worker` checks out: an orders replica (stand-in) or the gateway. */
  url(worker: number): string;
  productId: string;
  /** The total the server prices the buy-now at (checkout's expectedTotal). */
  expectedTotal: number;
  /** Headers for the next checkout of customer `worker`. */
  headers(worker: number): Record<string, string>;
  /** The orders database, read for the saga's timings. */
  ordersDb: string;
  /** The system's processes whose CPU is measured (the database and NATS are added). */
  processes: MeasuredProcess[];
  /** What runs inside the bench process, if anything of the system does. */
  inBench?: string;
  close(): Promise<void>;
}
