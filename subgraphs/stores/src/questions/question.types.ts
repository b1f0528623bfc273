import { Connection } from '@bloom/kernel';
import { Field, ID, InputType } from 'type-graphql';
import { Question } from './question.entity.js';

export const QuestionConnection = Connection(Question, 'QuestionConnection');

/** What everyone but the asker and the store's seller sees of a secret question. */
export const SECRET_PLACEHOLDER = '비밀글입니다 / secret question';

@InputType()
export class AskQuestionInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { description: "The product's store." })
  storeId!: string;

  @Field({ description: '1 to 1,000 characters.' })
  content!: string;

  @Field({ defaultValue: false })
  secret!: boolean;
}
