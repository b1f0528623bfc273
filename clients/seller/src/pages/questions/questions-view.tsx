import { useQuery } from '@apollo/client/react';
import { Empty, ErrorNotice, Loading, useToast } from '@bloom/client-shared';
import { useState } from 'react';
import { QuestionCard } from './question-card.js';
import { type QuestionsData, SELLER_QUESTIONS } from './questions.operations.js';
import { ReviewsList } from './reviews-list.js';
import './questions.css';

type Tab = 'questions' | 'reviews';

/** Questions about the store's products, unanswered first; and the products' reviews. */
export function QuestionsView() {
  const [tab, setTab] = useState<Tab>('questions');
  return (
    <div className="qna stack">
      <header>
        <h1>문의·리뷰</h1>
      </header>
      <div className="qna-tabs" role="tablist" aria-label="보기">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'questions'}
          className={tab === 'questions' ? 'chip active' : 'chip'}
          onClick={() => setTab('questions')}
        >
          상품 문의
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'reviews'}
          className={tab === 'reviews' ? 'chip active' : 'chip'}
          onClick={() => setTab('reviews')}
        >
          리뷰
        </button>
      </div>
      {tab === 'questions' ? <Questions /> : <ReviewsList />}
    </div>
  );
}

function Questions() {
  const { data, error, loading, refetch } = useQuery<QuestionsData>(SELLER_QUESTIONS, {
    fetchPolicy: 'cache-and-network',
  });
  const toast = useToast();

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const store = data?.myStore;
  if (!store) return <Empty>꽃집을 먼저 만들어 주세요.</Empty>;

  const waiting = store.unanswered.nodes;
  const answered = store.recent.nodes.filter((q) => q.answered);
  const done = (message: string) => toast({ title: message });

  return (
    <div className="stack">
      <p className="muted small" aria-live="polite">
        답변을 기다리는 문의 {store.unanswered.totalCount.toLocaleString('ko-KR')}건 · 읽지 않은
        문의 {store.unreadQuestionCount.toLocaleString('ko-KR')}건
      </p>
      <section className="stack" aria-labelledby="qna-waiting">
        <h2 id="qna-waiting">답변 기다리는 문의</h2>
        {waiting.length === 0 ? (
          <Empty>답변할 문의가 없어요. 새 문의가 오면 여기에 보여요.</Empty>
        ) : (
          <ul className="qna-list">
            {waiting.map((q) => (
              <QuestionCard key={q.id} question={q} onDone={done} />
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="qna-answered">
        <h2 id="qna-answered">답변한 문의</h2>
        {answered.length === 0 ? (
          <Empty>아직 답변한 문의가 없어요.</Empty>
        ) : (
          <ul className="qna-list">
            {answered.map((q) => (
              <QuestionCard key={q.id} question={q} onDone={done} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
