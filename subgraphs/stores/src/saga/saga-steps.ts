import { type EntityManager, type EventEnvelope, isDuplicateKeyError } from '@bloom/kernel';
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

/** Reads and first-writer-wins inserts of saga steps, always fresh from the database. */
export class SagaSteps {
  constructor(private readonly em: EntityManager) {}

  async get<TData = Record<string, unknown>>(
    orderId: string,
    step: SagaStepName,
  ): Promise<(SagaStep & { data: TData }) | null> {
    const found = await this.em.findOne(
      SagaStep,
      { _id: `${orderId}:${step}` },
      { disableIdentityMap: true },
    );
    return found as (SagaStep & { data: TData }) | null;
  }

  /** Inserts the step; returns the step that stands (ours, or the one written first). */
  async put<TData extends Record<string, unknown>>(
    record: StepRecord<TData>,
  ): Promise<{ step: SagaStep & { data: TData }; won: boolean }> {
    const doc = {
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
    try {
      await this.em.insert(SagaStep, doc);
      const step: SagaStep & { data: TData } = Object.assign(new SagaStep(), doc);
      return { step, won: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.get<TData>(record.orderId, record.step);
    if (!existing) throw new Error(`saga step ${doc._id} vanished`);
    return { step: existing, won: false };
  }
}
