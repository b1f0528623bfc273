import { QuestionsView } from './questions/questions-view.js';

/** Product questions (unanswered first, answer, mark read) and the products' reviews. */
export function Page() {
  return <QuestionsView />;
}
