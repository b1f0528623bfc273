import { auditActionSchema, auditTargetKindSchema } from '@bloom/schema';
import { Connection } from '@bloom/kernel';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../users/user.entity.js';

/** The values come from the event contract, so the schema and every emitter agree. */
export const AuditAction = auditActionSchema.enum;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an administrator did.',
  valuesConfig: {
    SELLER_APPROVED: { description: 'Approved a seller application.' },
    SELLER_REJECTED: { description: 'Rejected a seller application (with a reason).' },
    USER_SUSPENDED: { description: 'Suspended an account (with a reason).' },
    USER_REINSTATED: { description: 'Lifted an account suspension.' },
    STORE_SUSPENDED: { description: 'Suspended a store (with a reason).' },
    STORE_REOPENED: { description: 'Reopened a suspended store.' },
    STORE_CLOSED: { description: 'Closed a store for good.' },
    PRODUCT_STATUS_CHANGED: { description: 'Changed a product’s status (the reason names it).' },
    PRODUCT_DELETED: { description: 'Deleted a product.' },
    SETTLEMENT_RUN: { description: 'Ran a month’s settlement.' },
    API_KEY_REVOKED: { description: 'Revoked an integrator’s API key.' },
    ORDER_ADVANCED: { description: 'Moved an order on to its next state.' },
  },
});

export const AuditTargetKind = auditTargetKindSchema.enum;
export type AuditTargetKind = (typeof AuditTargetKind)[keyof typeof AuditTargetKind];
registerEnumType(AuditTargetKind, {
  name: 'AuditTargetKind',
  description: 'What kind of thing an admin action was about.',
});

@ObjectType({ description: 'One administrator action: who did what to what, when and why.' })
@Directive('@key(fields: "id")')
export class AuditEntry {
  @Field(() => ID, { description: 'The id of the event that reported the action.' })
  id!: string;

  @Field({ description: 'When the action happened.' })
  at!: Date;

  @Field(() => User, { description: 'The administrator who acted.' })
  actor!: User;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => AuditTargetKind)
  targetKind!: AuditTargetKind;

  @Field(() => ID)
  targetId!: string;

  @Field({ description: 'The target as people know it (a name, an order number, a month).' })
  targetLabel!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'The service that reported it: identity, stores, products or orders.' })
  source!: string;
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntryConnection');

@InputType({ description: 'Filters for the audit log; all optional and combined.' })
export class AuditLogFilter {
  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction;

  @Field(() => AuditTargetKind, { nullable: true })
  targetKind?: AuditTargetKind;

  @Field(() => ID, { nullable: true })
  targetId?: string;

  @Field(() => ID, { nullable: true, description: 'The acting administrator.' })
  actorId?: string;

  @Field({ nullable: true, description: 'Entries at or after this instant.' })
  from?: Date;

  @Field({ nullable: true, description: 'Entries before this instant.' })
  to?: Date;
}
