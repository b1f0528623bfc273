import {
  Counter,
  type CounterConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';

export type { Counter, Histogram } from 'prom-client';

/**
 * One service's Prometheus registry: Node's runtime metrics plus whatever the kernel and the
 * service record, every series labelled `service`. Instruments are created once per registry
 * through `part`, so several servers of one service in a process (tests, a restart) share them
 * instead of registering a metric twice.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly parts = new Map<string, unknown>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The instruments `create` registers, created on the first call for this key only. */
  part<T>(key: string, create: (registry: Registry) => T): T {
    if (this.parts.has(key)) return this.parts.get(key) as T;
    const created = create(this.registry);
    this.parts.set(key, created);
    return created;
  }

  /** A counter of this registry, created once (a service's own instruments, e.g. the saga's). */
  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return this.part(
      `counter:${config.name}`,
      (registry) => new Counter<L>({ ...config, registers: [registry] }),
    );
  }

  /** A histogram of this registry, created once. */
  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return this.part(
      `histogram:${config.name}`,
      (registry) => new Histogram<L>({ ...config, registers: [registry] }),
    );
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; a metric whose collector fails is left out, the scrape still works. */
  async render(): Promise<string> {
    try {
      return await this.registry.metrics();
    } catch {
      const texts: string[] = [];
      for (const metric of this.registry.getMetricsAsArray()) {
        try {
          texts.push(await this.registry.getSingleMetricAsString(metric.name));
        } catch {
          // Left out: one broken collector must not hide every other metric.
        }
      }
      return `${texts.join('\n\n')}\n`;
    }
  }
}

// In production a process runs one service; tests run several (each with its own name) in one.
const byService = new Map<string, ServiceMetrics>();

/** The process's registry for a service, created on first use. */
export function serviceMetrics(service: string): ServiceMetrics {
  let metrics = byService.get(service);
  if (!metrics) {
    metrics = new ServiceMetrics(service);
    byService.set(service, metrics);
  }
  return metrics;
}
