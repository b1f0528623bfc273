import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Question } from './question.entity.js';
import { QuestionAlreadyAnsweredError } from './question.errors.js';

export const AskQuestionResult = createUnionType({
  name: 'AskQuestionResult',
  types: () => [Question, InvalidInputError] as const,
});

export const AnswerQuestionResult = createUnionType({
  name: 'AnswerQuestionResult',
  types: () => [Question, InvalidInputError, QuestionAlreadyAnsweredError] as const,
});
