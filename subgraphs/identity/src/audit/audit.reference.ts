import { hasRole } from '@bloom/kernel';
import type { IdentityContext } from '../identity.context.js';
import { toAuditEntry } from './audit.resolver.js';

/** `_entities` for AuditEntry, through the loader; entries are for administrators only. */
export const auditEntryReference = {
  AuditEntry: {
    __resolveReference: async (reference: { id: string }, ctx: IdentityContext) => {
      if (!hasRole(ctx.caller, 'ADMIN')) return null;
      const record = await ctx.auditLoader.load(reference.id);
      return record ? toAuditEntry(record) : null;
    },
  },
};
