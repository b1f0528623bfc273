import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, formatDay, Loading, seoulDay, UserErrorNotice } from '@bloom/client-shared';
import { type UserErrorData, useAccountGate, userErrorOf } from './browse-account.js';
import { type Connection, MoreButton, appendPage, useLoadMore } from './browse-listing.js';

const MAX_QUESTION_LENGTH = 1000;

const QUESTIONS = gql`
  query ProductQuestions($id: ID!, $after: String) {
    product(id: $id) {
      id
      questions(first: 5, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          secret
          readable
          content
          askedAt
          answered
          answer {
            content
            answeredAt
          }
        }
      }
    }
  }
`;

const ASK = gql`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      __typename
      ... on Question {
        id
      }
      ... on InvalidInputError {
        code
        message
      }
    }
  }
`;

interface Question {
  id: string;
  secret: boolean;
  readable: boolean;
  content: string;
  askedAt: string;
  answered: boolean;
  answer: { content: string; answeredAt: string } | null;
}

interface QuestionsData {
  product: { id: string; questions: Connection<Question> } | null;
}

interface AskData {
  askQuestion: { __typename: string; code?: string; message?: string };
}

const dayOf = (iso: string) => formatDay(seoulDay(0, new Date(iso)));

export function ProductQuestions({ productId, storeId }: { productId: string; storeId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery<QuestionsData>(QUESTIONS, {
    variables: { id: productId },
  });
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: data?.product?.questions.pageInfo.endCursor ?? null },
      updateQuery: (shown, { fetchMoreResult }) =>
        shown.product && fetchMoreResult.product
          ? {
              product: {
                ...shown.product,
                questions: appendPage(shown.product.questions, fetchMoreResult.product.questions),
              },
            }
          : shown,
    }),
  );
  const questions = data?.product?.questions;

  return (
    <section aria-labelledby="questions-title" className="browse-section">
      <h2 id="questions-title">
        상품 문의 <span className="muted">{questions?.totalCount ?? ''}</span>
      </h2>
      {/* Newest first: after asking, the first page again shows the new question on top. */}
      <AskForm productId={productId} storeId={storeId} onAsked={() => void refetch()} />
      {loading && !data ? (
        <Loading label="문의를 불러오는 중…" />
      ) : !data ? (
        <ErrorNotice error={error} retry={() => void refetch()} />
      ) : !questions || questions.nodes.length === 0 ? (
        <p className="muted small browse-none">
          아직 문의가 없어요. 궁금한 점을 꽃집에 물어보세요.
        </p>
      ) : (
        <>
          <ul className="browse-list">
            {questions.nodes.map((question) => (
              <QuestionItem key={question.id} question={question} />
            ))}
          </ul>
          <MoreButton
            pageInfo={questions.pageInfo}
            shown={questions.nodes.length}
            total={questions.totalCount}
            more={more}
          />
        </>
      )}
    </section>
  );
}

function QuestionItem({ question }: { question: Question }) {
  // Another shopper's secret question: the API hides its content; say so plainly.
  const hidden = question.secret && !question.readable;
  return (
    <li className="browse-question">
      <div className="row">
        <span className={`status-pill${question.answered ? ' good' : ''}`}>
          {question.answered ? '답변 완료' : '답변 대기'}
        </span>
        <span className="muted small">
          <time dateTime={question.askedAt}>{dayOf(question.askedAt)}</time>
        </span>
      </div>
      <p className="browse-text">
        <strong aria-hidden>Q. </strong>
        {hidden ? (
          <span className="muted">비밀글이에요</span>
        ) : (
          <>
            {question.secret && <span className="muted">(비밀글) </span>}
            {question.content}
          </>
        )}
      </p>
      {question.answer && !hidden && (
        <div className="browse-answer">
          <strong aria-hidden>A. </strong>
          <span className="browse-text">{question.answer.content}</span>
          <span className="muted small"> · 꽃집 답변 {dayOf(question.answer.answeredAt)}</span>
        </div>
      )}
    </li>
  );
}

function AskForm({
  productId,
  storeId,
  onAsked,
}: {
  productId: string;
  storeId: string;
  onAsked: () => void;
}) {
  const gate = useAccountGate();
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [secret, setSecret] = useState(false);
  const [problem, setProblem] = useState<UserErrorData | null>(null);
  const [asked, setAsked] = useState(false);
  const [ask, { loading, error }] = useMutation<AskData>(ASK);

  if (!gate.signedIn) {
    return (
      <Link className="button secondary block" to={gate.signInHref}>
        로그인하고 문의하기
      </Link>
    );
  }
  if (!open) {
    return (
      <>
        {asked && (
          <p className="notice ok" role="status">
            문의를 남겼어요. 꽃집이 답하면 알림으로 알려 드릴게요.
          </p>
        )}
        <button
          type="button"
          className="button secondary block"
          onClick={() => {
            setAsked(false);
            setOpen(true);
          }}
        >
          문의하기
        </button>
      </>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = content.trim();
    if (!text) return;
    setProblem(null);
    ask({ variables: { input: { productId, storeId, content: text, secret } } }).then(
      (result) => {
        const failure = result.data ? userErrorOf(result.data.askQuestion) : null;
        setProblem(failure);
        if (result.data && !failure) {
          setContent('');
          setSecret(false);
          setOpen(false);
          setAsked(true);
          onAsked();
        }
      },
      // The hook's `error` shows an unexpected failure.
      () => undefined,
    );
  };

  return (
    <form className="card stack browse-ask" onSubmit={onSubmit}>
      <label className="field">
        <span>문의 내용</span>
        <textarea
          value={content}
          onChange={(event) => setContent(event.target.value)}
          maxLength={MAX_QUESTION_LENGTH}
          rows={4}
          required
          placeholder="배송, 꽃 구성, 포장 등 궁금한 점을 적어 주세요."
        />
      </label>
      <div className="row">
        <label className="browse-check">
          <input
            type="checkbox"
            checked={secret}
            onChange={(event) => setSecret(event.target.checked)}
          />
          비밀글로 문의
        </label>
        <span className="muted small">
          {content.length}/{MAX_QUESTION_LENGTH}
        </span>
      </div>
      <UserErrorNotice error={problem} />
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          취소
        </button>
        <button type="submit" className="button" disabled={loading || !content.trim()}>
          {loading ? '보내는 중…' : '문의 남기기'}
        </button>
      </div>
    </form>
  );
}
