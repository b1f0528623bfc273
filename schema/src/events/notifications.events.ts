import { z } from 'zod';

/*
 * Live messages: notifications → every gateway replica, over core NATS (not JetStream), so
 * they fan out to all replicas and need not survive a restart (the inbox is the durable copy).
 * Subjects are `<namespace>.live.<name>`; publish with `EventBus.publishLive(subject, message)`.
 */

export const LIVE_SUBJECTS = {
  notice: 'live.notice',
  orderStatus: 'live.orderStatus',
  restock: 'live.restock',
  auditEntry: 'live.auditEntry',
} as const;

/** Who a notice is for: one person, or a role-based audience that every admin caller sees. */
export const liveRecipientSchema = z.union([
  z.object({ userId: z.string().min(1) }),
  z.object({ audience: z.literal('ADMINS') }),
]);
export type LiveRecipient = z.infer<typeof liveRecipientSchema>;

/** A notice was created; the gateway resolves `notice(id)` for the matching subscribers. */
export const liveNoticeSchema = z.object({
  noticeId: z.string().min(1),
  kind: z.string(),
  recipient: liveRecipientSchema,
  createdAt: z.string().datetime(),
});
export type LiveNotice = z.infer<typeof liveNoticeSchema>;

/** An order changed state; delivered to `orderStatusChanged(orderId)` subscribers entitled to it. */
export const liveOrderStatusSchema = z.object({
  changeId: z.string().min(1),
  orderId: z.string().min(1),
  status: z.string(),
  /** The people who may watch this order besides admins. */
  customerId: z.string().optional(),
  sellerUserId: z.string().optional(),
});
export type LiveOrderStatus = z.infer<typeof liveOrderStatusSchema>;

/** A product came back in stock: a public fact, delivered to `productRestocked(productId)`. */
export const liveRestockSchema = z.object({
  restockId: z.string().min(1),
  productId: z.string().min(1),
  storeId: z.string().optional(),
});
export type LiveRestock = z.infer<typeof liveRestockSchema>;

/** An admin action was recorded; delivered to every admin's `auditEntryAdded`. */
export const liveAuditEntrySchema = z.object({
  entryId: z.string().min(1),
  action: z.string(),
});
export type LiveAuditEntry = z.infer<typeof liveAuditEntrySchema>;
