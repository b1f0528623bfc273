import { gql } from '@apollo/client';
import type { TypedError } from '@bloom/client-shared';

const USER_FIELDS = `
  id
  name
  email
  phone
  status
  roles
  emailVerified
  createdAt
  seller {
    status
    businessName
    businessRegistrationNumber
    appliedAt
    decidedAt
    rejectionReason
  }
`;

export const USERS = gql`
  query AdminUsers($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      nodes {
        ${USER_FIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

export const USER = gql`
  query AdminUser($id: ID!) {
    user(id: $id) {
      ${USER_FIELDS}
      addressCount
      apiKeyCount
    }
  }
`;

/* Apart from the account: the orders come from another service, which may be down. */
export const USER_ORDERS = gql`
  query AdminUserOrders($id: ID!) {
    user(id: $id) {
      id
      orders(first: 10) {
        nodes {
          id
          number
          status
          total
          placedAt
          store {
            name
          }
        }
        totalCount
      }
    }
  }
`;

const SUSPEND_RESULT = `
  __typename
  ... on User {
    id
    status
  }
  ... on UserNotFoundError {
    code
    message
  }
  ... on CannotSuspendAdminError {
    code
    message
  }
  ... on InvalidInputError {
    code
    message
    field
  }
`;

export const SUSPEND_USER = gql`
  mutation AdminSuspendUser($userId: ID!, $reason: String!) {
    suspendUser(userId: $userId, reason: $reason) {
      ${SUSPEND_RESULT}
    }
  }
`;

export const REINSTATE_USER = gql`
  mutation AdminReinstateUser($userId: ID!) {
    reinstateUser(userId: $userId) {
      ${SUSPEND_RESULT}
    }
  }
`;

export interface AdminUser {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: string;
  roles: string[];
  emailVerified: boolean;
  createdAt: string;
  seller: {
    status: string;
    businessName: string;
    businessRegistrationNumber: string;
    appliedAt: string;
    decidedAt: string | null;
    rejectionReason: string | null;
  } | null;
}

export interface UserDetail extends AdminUser {
  addressCount: number;
  apiKeyCount: number;
}

export interface UserOrders {
  id: string;
  orders: {
    nodes: {
      id: string;
      number: string;
      status: string;
      total: number;
      placedAt: string;
      store: { name: string };
    }[];
    totalCount: number;
  };
}

export interface UsersData {
  users: {
    nodes: AdminUser[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

export type SuspendResult =
  { __typename: 'User'; id: string; status: string } | (TypedError & { __typename: string });
