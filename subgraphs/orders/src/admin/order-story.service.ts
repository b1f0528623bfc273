import type { EntityManager } from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';
import { Order, OrderStatus } from '../orders/order.entity.js';
import { OrderTransition } from '../orders/order-transition.entity.js';
import { PaymentKind, type PaymentRecord, paymentsOf } from '../payments/payment-record.entity.js';
import { StoreProjection } from '../projections/catalog.entities.js';
import { SagaStep, Step } from '../saga/saga-step.entity.js';
import { eventsOf } from './order-event.entity.js';
import {
  ActorKind,
  OrderEventRecord,
  OrderStory,
  OrderTransitionRecord,
  SagaStepRecord,
  SagaStepStatus,
} from './order-story.types.js';

const byTime =
  <T>(at: (row: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime();

/** The saga's order of steps: steps recorded within one millisecond keep it. */
const STEP_ORDER = Object.values(Step);
const stepRank = (step: Step) => STEP_ORDER.indexOf(step);

/** The step the saga needs next, given what it has recorded (as the sweeper decides). */
function pendingStep(order: Order, done: ReadonlySet<Step>): Step {
  if (!done.has(Step.RESERVED)) return Step.RESERVED;
  if (order.couponId && !done.has(Step.COUPON_REDEEMED)) return Step.COUPON_REDEEMED;
  return Step.CAPTURED;
}

/** Transitions in the order they happened: each starts where the previous one ended. */
function chain(transitions: OrderTransition[]): OrderTransition[] {
  const byFrom = new Map(transitions.map((t) => [t.from, t]));
  const ordered: OrderTransition[] = [];
  for (let t = byFrom.get(OrderStatus.PENDING); t; t = byFrom.get(t.to)) ordered.push(t);
  return ordered;
}

/** An order's full story for staff, read from what orders records; every list oldest first. */
export class OrderStoryService {
  constructor(private readonly em: EntityManager) {}

  async of(orderId: string): Promise<OrderStory | null> {
    if (!ObjectId.isValid(orderId)) return null;
    const order = await this.em.findOne(Order, { _id: new ObjectId(orderId) });
    if (!order) return null;
    const [steps, transitions, payments, events, store] = await Promise.all([
      this.em.find(SagaStep, { orderId }),
      this.em.find(OrderTransition, { orderId }),
      paymentsOf(this.em, orderId),
      eventsOf(this.em, orderId),
      this.em.findOne(StoreProjection, { _id: order.storeId }),
    ]);
    const published = new Set(events.map((e) => e._id));
    const eventRecords = [
      ...events.map((e) =>
        Object.assign(new OrderEventRecord(), {
          id: e._id,
          type: e.type,
          at: e.at,
          source: e.source,
          published: true,
        }),
      ),
      // Recorded with the change but not yet relayed: the story shows them as waiting.
      ...order.outbox
        .filter((e) => !published.has(e.id))
        .map((e) =>
          Object.assign(new OrderEventRecord(), {
            id: e.id,
            type: e.type,
            at: new Date(e.occurredAt),
            source: e.source,
            published: false,
          }),
        ),
    ].sort(byTime((e) => e.at));
    return Object.assign(new OrderStory(), {
      order,
      steps: this.steps(order, steps, transitions, payments),
      transitions: chain(transitions).map((t) => this.transition(order, t, store?.ownerId)),
      payments,
      events: eventRecords,
    });
  }

  private steps(
    order: Order,
    steps: SagaStep[],
    transitions: OrderTransition[],
    payments: PaymentRecord[],
  ): SagaStepRecord[] {
    const charges = payments.filter((p) => p.kind === PaymentKind.CHARGE).length;
    const refunds = payments.filter((p) => p.kind === PaymentKind.REFUND).length;
    const attemptsOf = (step: Step) =>
      step === Step.CAPTURED || step === Step.CAPTURE_UNKNOWN
        ? Math.max(1, charges)
        : step === Step.PAYMENT_RELEASED
          ? Math.max(1, refunds)
          : 1;
    const records: SagaStepRecord[] = [];
    let previous = order.placedAt;
    const done = new Set<Step>();
    const ordered = [...steps].sort(
      (a, b) => a.at.getTime() - b.at.getTime() || stepRank(a.step) - stepRank(b.step),
    );
    for (const step of ordered) {
      const resolved =
        step.step === Step.CAPTURE_UNKNOWN &&
        steps.some((s) => s.step === Step.CAPTURED || s.step === Step.PAYMENT_RELEASED);
      records.push(
        Object.assign(new SagaStepRecord(), {
          step: step.step,
          status:
            step.step === Step.CAPTURE_UNKNOWN && !resolved
              ? SagaStepStatus.UNKNOWN
              : SagaStepStatus.DONE,
          attempts: attemptsOf(step.step),
          startedAt: previous,
          finishedAt: step.at,
          error: null,
        }),
      );
      done.add(step.step);
      previous = step.at;
    }
    const failure = transitions.find((t) => t.to === OrderStatus.FAILED);
    if (failure || order.status === OrderStatus.PENDING) {
      const step = pendingStep(order, done);
      records.push(
        Object.assign(new SagaStepRecord(), {
          step,
          status: failure ? SagaStepStatus.FAILED : SagaStepStatus.WAITING,
          attempts: attemptsOf(step),
          startedAt: previous,
          finishedAt: failure?.at ?? null,
          error: failure ? `${failure.code ?? 'FAILED'}: ${failure.message ?? ''}`.trim() : null,
        }),
      );
    }
    return records;
  }

  private transition(
    order: Order,
    t: OrderTransition,
    ownerId: string | undefined,
  ): OrderTransitionRecord {
    const actorKind =
      t.actor === 'system'
        ? ActorKind.SYSTEM
        : t.actor === order.customerId && t.code !== 'CANCELED_BY_ADMIN'
          ? ActorKind.CUSTOMER
          : t.actor === ownerId && t.code !== 'CANCELED_BY_ADMIN'
            ? ActorKind.SELLER
            : ActorKind.ADMIN;
    return Object.assign(new OrderTransitionRecord(), {
      from: t.from,
      to: t.to,
      at: t.at,
      actorKind,
      actorId: actorKind === ActorKind.SYSTEM ? null : t.actor,
      reason: t.message ?? t.code ?? null,
    });
  }
}
