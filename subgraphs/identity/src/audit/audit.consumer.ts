import { type Consumption, type EventBus, type EventEnvelope, decodeEvent } from '@bloom/kernel';
import { adminActionContracts } from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { IdentityDeps } from '../identity.deps.js';
import { AuditService } from './audit.service.js';

const DURABLE = 'identity-audit';

/**
 * Reads every context's admin-action events into the audit log: one durable consumer per
 * stream (a durable belongs to one stream), all named `identity-audit`. Storing is an insert
 * under the event id, so a redelivered event changes nothing.
 */
export class AuditConsumer {
  private readonly consumptions: Consumption[] = [];
  private readonly contracts = new Map(adminActionContracts.map((c) => [c.type, c]));

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly deps: IdentityDeps,
  ) {}

  async start(): Promise<void> {
    for (const contract of adminActionContracts) {
      this.consumptions.push(
        await this.bus.consume({
          durable: DURABLE,
          types: [contract.type],
          concurrency: 4,
          handle: async (event) => {
            await this.handle(event);
          },
        }),
      );
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumptions.map((c) => c.stop()));
  }

  /** Stores one event's entry in its own EntityManager fork; false for a repeat (for tests). */
  async handle(event: EventEnvelope): Promise<boolean> {
    const contract = this.contracts.get(
      event.type as (typeof adminActionContracts)[number]['type'],
    );
    if (!contract) return false;
    const decoded = decodeEvent(contract, event);
    return new AuditService(this.orm.em.fork(), this.deps).record(decoded);
  }
}
