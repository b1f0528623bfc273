/** GET /ops/health, as the gateway answers it. */
export interface PlatformHealth {
  checkedAt: string;
  gateway: { status: 'ready' | 'degraded'; version: string; uptimeSeconds: number };
  subgraphs: {
    name: string;
    url: string;
    ready: boolean;
    version: string | null;
    latencyMs: number;
    error?: string;
  }[];
  streams: {
    name: string;
    messages: number;
    bytes: number;
    consumers: {
      name: string;
      durable: boolean;
      pending: number;
      ackPending: number;
      redelivered: number;
      lastActiveAt?: string;
    }[];
  }[];
  streamsError?: string;
}
