import { gql } from '@apollo/client';
import { INVALID_INPUT, type AuthPayload, type TypedError } from '@bloom/client-shared';

const SELLER_FIELDS = gql`
  fragment ApplySellerFields on User {
    id
    name
    roles
    seller {
      status
      businessName
      businessRegistrationNumber
      appliedAt
      decidedAt
      rejectionReason
    }
  }
`;

export const APPLY_ME = gql`
  query ApplyMe {
    me {
      ...ApplySellerFields
    }
  }
  ${SELLER_FIELDS}
`;

export const SIGN_UP_SELLER = gql`
  mutation ApplySignUpSeller($input: SellerSignUpInput!) {
    signUpSeller(input: $input) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
        expiresIn
        user {
          id
          name
          email
          roles
        }
      }
      ... on EmailTakenError {
        code
        message
      }
      ... on SignupBlockedError {
        code
        message
        until
      }
      ... on InvalidBusinessNumberError {
        code
        message
      }
      ...InvalidInputFields
    }
  }
  ${INVALID_INPUT}
`;

export const APPLY_FOR_SELLER = gql`
  mutation ApplyForSeller($input: SellerApplicationInput!) {
    applyForSeller(input: $input) {
      __typename
      ...ApplySellerFields
      ... on InvalidBusinessNumberError {
        code
        message
      }
      ... on AlreadyAppliedError {
        code
        message
      }
      ...InvalidInputFields
    }
  }
  ${SELLER_FIELDS}
  ${INVALID_INPUT}
`;

/** Any new notice may be the decision; the page then reads `me` again. */
export const APPLY_NOTICES = gql`
  subscription ApplyNotices {
    notificationAdded {
      id
      kind
    }
  }
`;

export type SellerStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface SellerProfile {
  status: SellerStatus;
  businessName: string;
  businessRegistrationNumber: string;
  appliedAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
}

export interface ApplyMeUser {
  __typename?: 'User';
  id: string;
  name: string;
  roles: string[];
  seller: SellerProfile | null;
}

export interface ApplyMeData {
  me: ApplyMeUser | null;
}

export interface SellerSignUpInput {
  email: string;
  password: string;
  name: string;
  phone?: string;
  businessName: string;
  businessRegistrationNumber: string;
}

export type SignUpSellerResult =
  | ({ __typename: 'AuthPayload' } & AuthPayload)
  | ({
      __typename:
        | 'EmailTakenError'
        | 'SignupBlockedError'
        | 'InvalidBusinessNumberError'
        | 'InvalidInputError';
    } & TypedError);

export type ApplyForSellerResult =
  | ({ __typename: 'User' } & ApplyMeUser)
  | ({
      __typename: 'InvalidBusinessNumberError' | 'AlreadyAppliedError' | 'InvalidInputError';
    } & TypedError);
