import { useMutation } from '@apollo/client/react';
import { type TypedError, formatInstant } from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import {
  ANSWER_QUESTION,
  type AnswerData,
  MARK_QUESTION_READ,
  QUESTION_REFETCH,
  type Question,
} from './questions.operations.js';

const MAX_ANSWER = 1000;

function answerMessage(error: TypedError): string {
  if (error.code === 'QUESTION_ALREADY_ANSWERED')
    return '이미 답변한 문의예요. 새로고침하면 답변이 보여요.';
  return '답변을 1~1,000자로 적어 주세요.';
}

/** One question: unread ones stand out; unanswered ones carry the answer box. */
export function QuestionCard({
  question,
  onDone,
}: {
  question: Question;
  onDone: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [answer, answering] = useMutation<AnswerData>(ANSWER_QUESTION, {
    refetchQueries: QUESTION_REFETCH,
    awaitRefetchQueries: true,
  });
  const [markRead, marking] = useMutation(MARK_QUESTION_READ, {
    refetchQueries: QUESTION_REFETCH,
  });
  const unread = question.readBySeller === false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setFailure(null);
    try {
      const { data } = await answer({ variables: { questionId: question.id, content: text } });
      const result = data?.answerQuestion;
      if (result?.__typename === 'Question') onDone('답변을 등록했어요.');
      else if (result) setProblem(result);
    } catch {
      setFailure('답변을 보내지 못했어요. 인터넷 연결을 확인하고 다시 눌러 주세요.');
    }
  };

  const read = async () => {
    setFailure(null);
    try {
      await markRead({ variables: { questionId: question.id } });
    } catch {
      setFailure('읽음 표시를 하지 못했어요. 잠시 후 다시 시도해 주세요.');
    }
  };

  return (
    <li className={`qna-card card${unread ? ' unread' : ''}`} data-question={question.id}>
      <div className="qna-meta">
        <span className="qna-product">{question.product.name}</span>
        {unread && <span className="qna-new">새 문의</span>}
        {question.secret && <span className="qna-secret">비밀글</span>}
      </div>
      <p className="qna-content">{question.content}</p>
      <p className="muted small">
        {question.asker?.name ?? '손님'} · {formatInstant(question.askedAt)}
      </p>
      {question.answer ? (
        <div className="qna-answer">
          <p className="qna-answer-label">내 답변 · {formatInstant(question.answer.answeredAt)}</p>
          <p>{question.answer.content}</p>
        </div>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            답변
            <textarea
              name="answer"
              rows={3}
              maxLength={MAX_ANSWER}
              value={text}
              placeholder="손님께 친절하게 답해 주세요."
              onChange={(e) => setText(e.target.value)}
              aria-invalid={problem ? true : undefined}
            />
          </label>
          {problem && (
            <p className="qna-field-error" role="alert">
              {answerMessage(problem)}
            </p>
          )}
          <div className="qna-actions">
            {unread && (
              <button
                type="button"
                className="button secondary"
                disabled={marking.loading}
                onClick={() => void read()}
              >
                읽음 표시
              </button>
            )}
            <button type="submit" className="button" disabled={answering.loading}>
              답변 등록
            </button>
          </div>
        </form>
      )}
      {question.answer && unread && (
        <div className="qna-actions">
          <button
            type="button"
            className="button secondary"
            disabled={marking.loading}
            onClick={() => void read()}
          >
            읽음 표시
          </button>
        </div>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}
