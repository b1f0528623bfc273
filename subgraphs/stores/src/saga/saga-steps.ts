import {
  type EntityManager,
  type EventEnvelope,
  type GroupCommit,
  groupCommit,
  rawDb,
} from '@bloom/kernel';
import type { Collection } from 'mongodb';
import { SagaStep, type SagaStepName } from './saga-step.entity.js';

/** The step is waiting for an earlier one; the command is redelivered later. */
export class StepNotReadyError extends Error {
  constructor(orderId: string, waitingFor: SagaStepName) {
    super(`order ${orderId}: waiting for step ${waitingFor}`);
    this.name = 'StepNotReadyError';
  }
}

export interface StepRecord<TData> {
  orderId: string;
  storeId: string;
  step: SagaStepName;
  outcome: string;
  data: TData;
  at: Date;
  event?: EventEnvelope;
}

/** A stored step as read back: the document, not a managed entity. */
export type StoredStep<TData> = Omit<SagaStep, 'data'> & { data: TData };

/**
 * Reads and first-writer-wins inserts of saga steps, always fresh from the database. Through
 * the driver: several per order on the saga's hot path, never changed once written, so the
 * ORM's identity map and change tracking would only add cost.
 */
export class SagaSteps {
  private readonly collection: Collection<SagaStep>;
  /** Steps of the orders handled meanwhile share a round trip. */
  private readonly writes: GroupCommit<SagaStep>;

  constructor(em: EntityManager) {
    const db = rawDb(em);
    this.collection = db.collection<SagaStep>('saga_steps');
    this.writes = groupCommit<SagaStep>(db, 'saga_steps');
  }

  async get<TData = Record<string, unknown>>(
    orderId: string,
    step: SagaStepName,
  ): Promise<StoredStep<TData> | null> {
    const found = await this.collection.findOne({ _id: `${orderId}:${step}` });
    return found as StoredStep<TData> | null;
  }

  /** Inserts the step; returns the step that stands (ours, or the one written first). */
  async put<TData extends Record<string, unknown>>(
    record: StepRecord<TData>,
  ): Promise<{ step: StoredStep<TData>; won: boolean }> {
    const doc: StoredStep<TData> = {
      _id: `${record.orderId}:${record.step}`,
      orderId: record.orderId,
      storeId: record.storeId,
      step: record.step,
      outcome: record.outcome,
      data: record.data,
      at: record.at,
      outbox: record.event ? [record.event] : [],
      eventSequence: record.event ? 1 : 0,
    };
    if (await this.writes.insertNew(doc)) return { step: doc, won: true };
    const existing = await this.get<TData>(record.orderId, record.step);
    if (!existing) throw new Error(`saga step ${doc._id} vanished`);
    return { step: existing, won: false };
  }
}
