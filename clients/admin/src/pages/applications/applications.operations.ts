import { gql } from '@apollo/client';
import type { TypedError } from '@bloom/client-shared';

export const APPLICATIONS = gql`
  query AdminApplications($status: SellerStatus!, $first: Int, $after: String) {
    sellerApplications(status: $status, first: $first, after: $after) {
      nodes {
        id
        name
        email
        phone
        seller {
          status
          businessName
          businessRegistrationNumber
          appliedAt
          decidedAt
          rejectionReason
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

const DECISION_RESULT = `
  __typename
  ... on User {
    id
    seller {
      status
      decidedAt
      rejectionReason
    }
  }
  ... on UserNotFoundError {
    code
    message
  }
  ... on NotPendingError {
    code
    message
  }
  ... on InvalidInputError {
    code
    message
    field
  }
`;

export const APPROVE = gql`
  mutation AdminApproveSeller($userId: ID!) {
    approveSeller(userId: $userId) {
      ${DECISION_RESULT}
    }
  }
`;

export const REJECT = gql`
  mutation AdminRejectSeller($userId: ID!, $reason: String!) {
    rejectSeller(userId: $userId, reason: $reason) {
      ${DECISION_RESULT}
    }
  }
`;

export type SellerStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface Application {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  seller: {
    status: SellerStatus;
    businessName: string;
    businessRegistrationNumber: string;
    appliedAt: string;
    decidedAt: string | null;
    rejectionReason: string | null;
  } | null;
}

export interface ApplicationsData {
  sellerApplications: {
    nodes: Application[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

export type DecisionResult =
  { __typename: 'User'; id: string } | (TypedError & { __typename: string });
