import {
  type Consumption,
  type EventBus,
  type EventEnvelope,
  ProcessedEvents,
  decodeEvent,
  rawDb,
} from '@bloom/kernel';
import { LIVE_SUBJECTS, type LiveAuditEntry, auditEntryRecorded } from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { NotificationsDeps } from '../notifications.deps.js';

const DURABLE = 'notifications-audit';

/**
 * Every stored audit entry, live to every admin (`auditEntryAdded`). Identity announces an
 * entry only once it is stored, so the gateway's `auditEntry(id)` always finds it; the
 * processed-event record keeps a redelivery from pushing it twice.
 */
export class AuditFanOut {
  private consumption: Consumption | undefined;
  private readonly processed: ProcessedEvents;

  constructor(
    orm: MikroORM,
    private readonly bus: EventBus,
    private readonly deps: NotificationsDeps,
  ) {
    this.processed = new ProcessedEvents(rawDb(orm.em));
  }

  async start(): Promise<void> {
    this.consumption = await this.bus.consume({
      durable: DURABLE,
      types: [auditEntryRecorded.type],
      concurrency: 4,
      handle: async (event) => {
        await this.handle(event);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumption?.stop();
  }

  /** Pushes one entry; false when this event was already pushed (exposed for tests). */
  handle(event: EventEnvelope): Promise<boolean> {
    const { payload } = decodeEvent(auditEntryRecorded, event);
    return this.processed.once(DURABLE, event.id, () => {
      const message: LiveAuditEntry = { entryId: payload.entryId, action: payload.action };
      this.deps.live.publishLive(LIVE_SUBJECTS.auditEntry, message);
      return Promise.resolve();
    });
  }
}
