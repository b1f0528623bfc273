import { gql } from '@apollo/client';
import { INVALID_INPUT, type TypedError } from '@bloom/client-shared';
import type { PageInfo } from '../../app/more-button.js';

const QUESTION = gql`
  fragment SellerQuestion on Question {
    id
    productId
    secret
    askedAt
    content
    answered
    readBySeller
    answer {
      content
      answeredAt
    }
    asker {
      id
      name
    }
    product {
      id
      name
    }
  }
`;

// Small pages: the gateway multiplies nodes by `first` against its cost limit.
export const SELLER_QUESTIONS = gql`
  query SellerQuestions {
    myStore {
      id
      unreadQuestionCount
      unanswered: questions(unansweredOnly: true, first: 20) {
        totalCount
        nodes {
          ...SellerQuestion
        }
      }
      recent: questions(first: 20) {
        totalCount
        nodes {
          ...SellerQuestion
        }
      }
    }
  }
  ${QUESTION}
`;

const REVIEW_PAGE = gql`
  fragment SellerReviewPage on ReviewConnection {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      id
      rating
      text
      createdAt
      author {
        id
        name
      }
    }
  }
`;

/** The next reviews of one product, after the ones shown. */
export const PRODUCT_REVIEWS = gql`
  query SellerProductReviews($productId: ID!, $after: String) {
    product(id: $productId) {
      id
      reviews(first: 10, after: $after) {
        ...SellerReviewPage
      }
    }
  }
  ${REVIEW_PAGE}
`;

export interface ReviewPage {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: Review[];
}

export interface ProductReviewsData {
  product: { id: string; reviews: ReviewPage } | null;
}

export const SELLER_REVIEWS = gql`
  query SellerReviews {
    myStore {
      id
      rating
      ratingCount
      products(sort: MOST_REVIEWED, first: 10) {
        nodes {
          id
          name
          reviews(first: 5) {
            ...SellerReviewPage
          }
        }
      }
    }
  }
  ${REVIEW_PAGE}
`;

export const ANSWER_QUESTION = gql`
  mutation SellerAnswerQuestion($questionId: ID!, $content: String!) {
    answerQuestion(questionId: $questionId, content: $content) {
      __typename
      ...SellerQuestion
      ...InvalidInputFields
      ... on QuestionAlreadyAnsweredError {
        code
        message
      }
    }
  }
  ${QUESTION}
  ${INVALID_INPUT}
`;

export const MARK_QUESTION_READ = gql`
  mutation SellerMarkQuestionRead($questionId: ID!) {
    markQuestionRead(questionId: $questionId) {
      ...SellerQuestion
    }
  }
  ${QUESTION}
`;

export interface Question {
  id: string;
  productId: string;
  secret: boolean;
  askedAt: string;
  content: string;
  answered: boolean;
  readBySeller: boolean | null;
  answer: { content: string; answeredAt: string } | null;
  asker: { id: string; name: string } | null;
  product: { id: string; name: string };
}

interface QuestionPage {
  totalCount: number;
  nodes: Question[];
}

export interface QuestionsData {
  myStore: {
    id: string;
    unreadQuestionCount: number;
    unanswered: QuestionPage;
    recent: QuestionPage;
  } | null;
}

export interface Review {
  id: string;
  rating: number;
  text: string;
  createdAt: string;
  author: { id: string; name: string };
}

export interface ReviewsData {
  myStore: {
    id: string;
    rating: number;
    ratingCount: number;
    products: {
      nodes: {
        id: string;
        name: string;
        reviews: ReviewPage;
      }[];
    };
  } | null;
}

export type AnswerResult =
  | ({ __typename: 'Question' } & Question)
  | (TypedError & { __typename: 'InvalidInputError'; field: string })
  | (TypedError & { __typename: 'QuestionAlreadyAnsweredError' });

export interface AnswerData {
  answerQuestion: AnswerResult;
}

/** After an answer the question moves lists; the unread count and the nav badge change. */
export const QUESTION_REFETCH = ['SellerQuestions', 'SellerShell'];
