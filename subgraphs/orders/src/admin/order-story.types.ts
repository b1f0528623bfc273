import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Order, OrderStatus } from '../orders/order.entity.js';
import { PaymentRecord } from '../payments/payment-record.entity.js';
import { Step } from '../saga/saga-step.entity.js';

registerEnumType(Step, { name: 'SagaStep', description: 'A step of the checkout saga.' });

export enum SagaStepStatus {
  DONE = 'DONE',
  /** The step the saga waits for (the order is still PENDING). */
  WAITING = 'WAITING',
  /** The step the order failed at. */
  FAILED = 'FAILED',
  /** A capture the provider did not answer; reconciled by the sweeper. */
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(SagaStepStatus, { name: 'SagaStepStatus' });

export enum ActorKind {
  CUSTOMER = 'CUSTOMER',
  SELLER = 'SELLER',
  ADMIN = 'ADMIN',
  /** The saga or a scheduled job. */
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorKind, { name: 'ActorKind' });

@ObjectType({ description: 'One step of the checkout saga of an order.' })
export class SagaStepRecord {
  @Field(() => Step)
  step!: Step;

  @Field(() => SagaStepStatus)
  status!: SagaStepStatus;

  @Field(() => Int, { description: 'Provider answers recorded for the step (payments); else 1.' })
  attempts!: number;

  @Field({ description: 'When the step became due: the previous step or the placement.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was recorded; null while waiting.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType({ description: 'One state change of an order.' })
export class OrderTransitionRecord {
  @Field(() => OrderStatus)
  from!: OrderStatus;

  @Field(() => OrderStatus)
  to!: OrderStatus;

  @Field()
  at!: Date;

  @Field(() => ActorKind)
  actorKind!: ActorKind;

  @Field(() => ID, { nullable: true, description: 'The person who made it; null for SYSTEM.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType({ description: 'One event about an order on the bus.' })
export class OrderEventRecord {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The event type, e.g. orders.order.confirmed.' })
  type!: string;

  @Field()
  at!: Date;

  @Field({ description: 'The service that emitted it.' })
  source!: string;

  @Field({ description: 'False while it still waits in the outbox.' })
  published!: boolean;
}

@ObjectType({ description: "Admin: an order's full story, every list oldest first." })
export class OrderStory {
  @Field(() => Order)
  order!: Order;

  @Field(() => [SagaStepRecord])
  steps!: SagaStepRecord[];

  @Field(() => [OrderTransitionRecord])
  transitions!: OrderTransitionRecord[];

  @Field(() => [PaymentRecord])
  payments!: PaymentRecord[];

  @Field(() => [OrderEventRecord])
  events!: OrderEventRecord[];
}
