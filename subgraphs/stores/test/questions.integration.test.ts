import { type GraphQLResponse, dataOf, errorCode, expectUnion } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { ProductQuestionsQuery } from './generated/graphql.js';
import {
  ADMIN,
  type StoresHarness,
  customer,
  newId,
  seller,
  startStores,
} from './stores.harness.js';

const ASK = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      __typename
      ... on Question {
        id
        content
        secret
        readable
      }
      ... on InvalidInputError {
        field
        code
      }
    }
  }
`);
const ANSWER = graphql(`
  mutation AnswerQuestion($id: ID!, $content: String!) {
    answerQuestion(questionId: $id, content: $content) {
      __typename
      ... on Question {
        id
        answered
        answer {
          content
        }
      }
      ... on UserError {
        code
      }
    }
  }
`);
const READ = graphql(`
  mutation MarkQuestionRead($id: ID!) {
    markQuestionRead(questionId: $id) {
      id
      readBySeller
      answerRead
    }
  }
`);
const PRODUCT_QUESTIONS = graphql(`
  query ProductQuestions($r: [_Any!]!) {
    _entities(representations: $r) {
      __typename
      ... on Product {
        questions(first: 10) {
          totalCount
          nodes {
            id
            content
            readable
            asker {
              id
            }
            answer {
              content
            }
          }
        }
      }
    }
  }
`);
const STORE_QUESTIONS = graphql(`
  query StoreQuestions($id: ID!, $unread: Boolean!, $unanswered: Boolean!) {
    store(id: $id) {
      unreadQuestionCount
      questions(unreadOnly: $unread, unansweredOnly: $unanswered) {
        totalCount
        nodes {
          id
          content
          readBySeller
        }
      }
    }
  }
`);

/** The questions of the one product asked about. */
const questionsOf = (res: GraphQLResponse<ProductQuestionsQuery>) =>
  expectUnion(dataOf(res)._entities[0], 'Product').questions;

const SECRET = '비밀글입니다 / secret question';

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('questions');
});
afterAll(async () => h.close());

describe('product Q&A', () => {
  it('hides secret questions from everyone but the asker and the store, and answers once', async () => {
    const { sellerId, storeId } = await h.openStore();
    const other = await h.openStore();
    const productId = `product-${newId()}`;
    const askerId = newId();
    const asker = customer(askerId);

    const open = await h.call(
      ASK,
      { input: { productId, storeId, content: '배송 당일 가능한가요?', secret: false } },
      asker,
    );
    const secret = await h.call(
      ASK,
      { input: { productId, storeId, content: '010-1234-5678 로 연락 주세요', secret: true } },
      asker,
    );
    const secretId = expectUnion(secret.data?.askQuestion, 'Question').id;
    expect(secret.data?.askQuestion).toMatchObject({ secret: true, readable: true });
    const asked = await h.eventFor('stores.question.asked', { questionId: secretId });
    expect(asked.payload).toMatchObject({ productId, storeId, sellerId, askerId, secret: true });

    const product = { __typename: 'Product', id: productId, storeId };
    const asStranger = await h.call(PRODUCT_QUESTIONS, { r: [product] }, customer());
    const strangerView = questionsOf(asStranger);
    expect(strangerView.totalCount).toBe(2);
    const hidden = strangerView.nodes.find((q) => q.id === secretId);
    expect(hidden).toEqual({
      id: secretId,
      content: SECRET,
      readable: false,
      asker: null,
      answer: null,
    });
    // Administrators are not the store: the secret stays secret.
    const asAdmin = await h.call(PRODUCT_QUESTIONS, { r: [product] }, ADMIN);
    expect(questionsOf(asAdmin).nodes.find((q) => q.id === secretId)?.content).toBe(SECRET);
    for (const viewer of [asker, seller(sellerId)]) {
      const view = await h.call(PRODUCT_QUESTIONS, { r: [product] }, viewer);
      const mine = questionsOf(view).nodes.find((q) => q.id === secretId);
      expect(mine?.content).toBe('010-1234-5678 로 연락 주세요');
    }
    // A product of another store does not show these questions.
    const elsewhere = await h.call(PRODUCT_QUESTIONS, {
      r: [{ ...product, storeId: other.storeId }],
    });
    expect(questionsOf(elsewhere).totalCount).toBe(0);

    expect(
      errorCode(await h.call(ANSWER, { id: secretId, content: '네' }, seller(other.sellerId))),
    ).toBe('FORBIDDEN');
    expect(errorCode(await h.call(ANSWER, { id: secretId, content: '네' }, asker))).toBe(
      'FORBIDDEN',
    );
    const answers = await Promise.all(
      ['확인했습니다', '다시 답변'].map((content) =>
        h.call(ANSWER, { id: secretId, content }, seller(sellerId)),
      ),
    );
    expect(answers.filter((a) => a.data?.answerQuestion.__typename === 'Question')).toHaveLength(1);
    expect(
      answers.filter((a) => {
        const answer = a.data?.answerQuestion;
        return answer?.__typename !== 'Question' && answer?.code === 'ALREADY_ANSWERED';
      }),
    ).toHaveLength(1);
    const answered = await h.eventFor('stores.question.answered', { questionId: secretId });
    expect(answered.payload).toMatchObject({ askerId, storeId, sellerId });

    const strangerAgain = await h.call(PRODUCT_QUESTIONS, { r: [product] }, customer());
    const masked = questionsOf(strangerAgain).nodes.find((q) => q.id === secretId);
    expect(masked?.answer?.content).toBe(SECRET);
    expect(expectUnion(open.data?.askQuestion, 'Question').readable).toBe(true);
  });

  it('tracks unread questions for the seller and unread answers for the asker', async () => {
    const { sellerId, storeId } = await h.openStore();
    const askerId = newId();
    const ask = async (content: string) => {
      const res = await h.call(
        ASK,
        { input: { productId: 'p-9', storeId, content, secret: false } },
        customer(askerId),
      );
      return expectUnion(res.data?.askQuestion, 'Question').id;
    };
    const first = await ask('첫 질문');
    const second = await ask('두 번째 질문');
    const third = await ask('세 번째 질문');
    const sellerView = (unread: boolean, unanswered = false) =>
      h.call(STORE_QUESTIONS, { id: storeId, unread, unanswered }, seller(sellerId));
    expect((await sellerView(true)).data?.store).toMatchObject({
      unreadQuestionCount: 3,
      questions: { totalCount: 3 },
    });

    await h.call(READ, { id: first }, seller(sellerId));
    await h.call(ANSWER, { id: second, content: '답변입니다' }, seller(sellerId));
    const afterRead = (await sellerView(true)).data?.store;
    expect(afterRead?.unreadQuestionCount).toBe(1);
    expect(afterRead?.questions.nodes.map((q) => q.id)).toEqual([third]);
    expect((await sellerView(false, true)).data?.store?.questions.totalCount).toBe(2);

    const myUnread = async () =>
      (
        await h.call(
          graphql(`
            query MyUnreadQuestions {
              myQuestions(unreadOnly: true) {
                totalCount
                nodes {
                  id
                  answerRead
                  readBySeller
                }
              }
            }
          `),
          {},
          customer(askerId),
        )
      ).data?.myQuestions;
    expect(await myUnread()).toEqual({
      totalCount: 1,
      nodes: [{ id: second, answerRead: false, readBySeller: null }],
    });
    const read = await h.call(READ, { id: second }, customer(askerId));
    expect(read.data?.markQuestionRead).toMatchObject({ answerRead: true, readBySeller: null });
    expect((await myUnread())?.totalCount).toBe(0);

    expect(errorCode(await h.call(READ, { id: first }, customer()))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await h.call(
          STORE_QUESTIONS,
          { id: storeId, unread: false, unanswered: false },
          customer(),
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('validates questions', async () => {
    const { storeId } = await h.openStore();
    const empty = await h.call(
      ASK,
      { input: { productId: 'p', storeId, content: '  ', secret: false } },
      customer(),
    );
    expect(empty.data?.askQuestion).toMatchObject({ field: 'content' });
    const noStore = await h.call(
      ASK,
      { input: { productId: 'p', storeId: newId(), content: '질문', secret: false } },
      customer(),
    );
    expect(noStore.data?.askQuestion).toMatchObject({ field: 'storeId', code: 'STORE_NOT_FOUND' });
    expect(
      errorCode(
        await h.call(ASK, { input: { productId: 'p', storeId, content: '질문', secret: false } }),
      ),
    ).toBe('UNAUTHENTICATED');
  });
});
