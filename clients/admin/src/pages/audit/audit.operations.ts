import { gql } from '@apollo/client';

const ENTRY_FIELDS = `
  id
  at
  action
  targetKind
  targetId
  targetLabel
  reason
  source
  actor {
    id
    name
  }
`;

export const AUDIT_LOG = gql`
  query AdminAuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      nodes {
        ${ENTRY_FIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

export const AUDIT_ADDED = gql`
  subscription AdminAuditAdded {
    auditEntryAdded {
      ${ENTRY_FIELDS}
    }
  }
`;

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  targetKind: string;
  targetId: string;
  targetLabel: string;
  reason: string | null;
  source: string;
  actor: { id: string; name: string };
}

export interface AuditLogData {
  auditLog: {
    nodes: AuditEntry[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
