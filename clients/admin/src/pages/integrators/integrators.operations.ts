import { gql } from '@apollo/client';

export const API_KEYS = gql`
  query AdminApiKeys($filter: ApiKeyFilter, $first: Int, $after: String) {
    platformApiKeys(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        name
        prefix
        scopes
        status
        createdAt
        lastUsedAt
        revokedAt
        owner {
          id
          name
          email
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

export const REVOKE_KEY = gql`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      status
      revokedAt
    }
  }
`;

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  status: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner: { id: string; name: string; email: string | null };
}

export interface ApiKeysData {
  platformApiKeys: {
    nodes: ApiKeyRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
