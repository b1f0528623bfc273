import { type EventContract, defineEvent } from '@bloom/kernel';
import { z } from 'zod';

/*
 * The admin audit trail. Every context that lets an admin change something records an
 * `<context>.adminAction.recorded` event in the same single-document write as the change (the
 * aggregate's outbox), so an action is never stored without its entry nor the reverse.
 * Identity consumes them all into `audit_entries` and re-announces each stored entry as
 * `identity.auditEntry.recorded`, which notifications fans out live to admins.
 */

export const auditActionSchema = z.enum([
  'SELLER_APPROVED',
  'SELLER_REJECTED',
  'USER_SUSPENDED',
  'USER_REINSTATED',
  'STORE_SUSPENDED',
  'STORE_REOPENED',
  'STORE_CLOSED',
  'PRODUCT_STATUS_CHANGED',
  'PRODUCT_DELETED',
  'SETTLEMENT_RUN',
  'API_KEY_REVOKED',
  'ORDER_ADVANCED',
]);
export type AuditActionValue = z.infer<typeof auditActionSchema>;

export const auditTargetKindSchema = z.enum([
  'USER',
  'STORE',
  'PRODUCT',
  'SETTLEMENT',
  'API_KEY',
  'ORDER',
]);
export type AuditTargetKindValue = z.infer<typeof auditTargetKindSchema>;

/** What an admin did, to what; the envelope carries when (occurredAt) and where (source). */
export const adminActionPayload = z.object({
  actorId: z.string().min(1),
  action: auditActionSchema,
  targetKind: auditTargetKindSchema,
  targetId: z.string().min(1),
  /** A human label of the target at the time (a name, an order number, a month). */
  targetLabel: z.string(),
  reason: z.string().optional(),
});
export type AdminActionPayload = z.infer<typeof adminActionPayload>;

export type AdminActionContract = EventContract<string, AdminActionPayload>;

export const identityAdminActionRecorded = defineEvent(
  'identity.adminAction.recorded',
  adminActionPayload,
);
export const storesAdminActionRecorded = defineEvent(
  'stores.adminAction.recorded',
  adminActionPayload,
);
export const productsAdminActionRecorded = defineEvent(
  'products.adminAction.recorded',
  adminActionPayload,
);
export const ordersAdminActionRecorded = defineEvent(
  'orders.adminAction.recorded',
  adminActionPayload,
);

/** Every context's admin-action event: the audit consumer reads one durable per stream. */
export const adminActionContracts = [
  identityAdminActionRecorded,
  storesAdminActionRecorded,
  productsAdminActionRecorded,
  ordersAdminActionRecorded,
] as const;

/** An audit entry was stored (its id is the admin-action event's id). */
export const auditEntryRecorded = defineEvent(
  'identity.auditEntry.recorded',
  z.object({
    entryId: z.string().min(1),
    actorId: z.string().min(1),
    action: auditActionSchema,
    targetKind: auditTargetKindSchema,
    targetId: z.string().min(1),
  }),
);
