import { gql } from '@apollo/client';

/** Small pages: the gateway's cost limit multiplies nodes by `first`. */
export const NOTICE_PAGE_SIZE = 20;

export const SELLER_NOTICES = gql`
  query SellerNotices($first: Int!, $after: String, $unreadOnly: Boolean) {
    notices(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        title
        body
        createdAt
        read
        order {
          id
        }
        product {
          id
        }
      }
    }
  }
`;

export const SELLER_UNREAD_NOTICES = gql`
  query SellerUnreadNotices {
    unreadNoticeCount
  }
`;

export const SELLER_NOTICES_LIVE = gql`
  subscription SellerNoticesLive {
    notificationAdded {
      id
    }
  }
`;

export const SELLER_MARK_NOTICE_READ = gql`
  mutation SellerMarkNoticeRead($id: ID!) {
    markNoticeRead(id: $id) {
      __typename
      ... on Notice {
        id
        read
      }
    }
  }
`;

export const SELLER_MARK_ALL_NOTICES_READ = gql`
  mutation SellerMarkAllNoticesRead($upTo: DateTimeISO) {
    markAllNoticesRead(upTo: $upTo) {
      readUpTo
      unreadCount
    }
  }
`;

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  order: { id: string } | null;
  product: { id: string } | null;
}

export interface NoticesData {
  notices: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Notice[];
  };
}

export interface NoticesVariables {
  first: number;
  after: string | null;
  unreadOnly: boolean;
}

export interface UnreadData {
  unreadNoticeCount: number;
}

export type MarkReadResult =
  { __typename: 'Notice'; id: string; read: boolean } | { __typename: 'NoticeNotFoundError' };

/** Everything that shows notice counts: this inbox and the shell's bell and nav badge. */
export const NOTICE_REFETCH = ['SellerNotices', 'SellerUnreadNotices', 'SellerShell'];
