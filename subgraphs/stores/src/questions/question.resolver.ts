import { Access, forbidden, hasRole, notFound, pageSize, requireUser } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Store } from '../stores/store.entity.js';
import type { StoresContext } from '../stores.context.js';
import { UserRef } from '../users/user.types.js';
import { Answer, Question } from './question.entity.js';
import { AnswerQuestionResult, AskQuestionResult } from './question.results.js';
import { readMarkId } from './question.service.js';
import { AskQuestionInput, QuestionConnection, SECRET_PLACEHOLDER } from './question.types.js';

const isStoreSeller = (question: Question, ctx: StoresContext) =>
  hasRole(ctx.caller, 'SELLER') && ctx.caller.userId === question.sellerId;

const isAsker = (question: Question, ctx: StoresContext) => ctx.caller.userId === question.askerId;

/** Secret questions show their text only to the asker and the store's seller. */
const canRead = (question: Question, ctx: StoresContext) =>
  !question.secret || isAsker(question, ctx) || isStoreSeller(question, ctx);

@Resolver(() => Question)
export class QuestionResolver {
  @Access('signed-in')
  @Query(() => QuestionConnection, {
    description: "The signed-in customer's questions, newest first.",
  })
  myQuestions(
    @Ctx() ctx: StoresContext,
    @Arg('unreadOnly', {
      defaultValue: false,
      description: 'Only questions with an answer the customer has not read.',
    })
    unreadOnly: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const asker = requireUser(ctx.caller);
    return ctx.services.questions.page(
      { askerId: asker.userId },
      pageSize(first),
      after,
      unreadOnly
        ? async (q) =>
            (await ctx.loaders.answer.load(q.id)) !== null &&
            !(await ctx.loaders.read.load(readMarkId(q.id, 'ASKER')))
        : undefined,
    );
  }

  @Access('signed-in')
  @Mutation(() => AskQuestionResult, { description: 'Ask about a product, optionally secret.' })
  askQuestion(@Arg('input') input: AskQuestionInput, @Ctx() ctx: StoresContext) {
    const asker = requireUser(ctx.caller);
    return ctx.services.questions.ask(asker.userId, input, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => AnswerQuestionResult, { description: "The store's seller answers, once." })
  async answerQuestion(
    @Arg('questionId', () => ID) questionId: string,
    @Arg('content') content: string,
    @Ctx() ctx: StoresContext,
  ) {
    const question = await this.load(questionId, ctx);
    const store = await ctx.ownStore(question.storeId);
    return ctx.services.questions.answer(question, store.sellerId, content, ctx.caller.traceId);
  }

  @Access('signed-in')
  @Mutation(() => Question, {
    description: "The store's seller marks the question read; the asker marks the answer read.",
  })
  async markQuestionRead(
    @Arg('questionId', () => ID) questionId: string,
    @Ctx() ctx: StoresContext,
  ) {
    requireUser(ctx.caller);
    const question = await this.load(questionId, ctx);
    if (isStoreSeller(question, ctx)) {
      await ctx.services.questions.markRead(question.id, 'SELLER');
    } else if (isAsker(question, ctx)) {
      if (await ctx.loaders.answer.load(question.id)) {
        await ctx.services.questions.markRead(question.id, 'ASKER');
      }
    } else {
      throw forbidden('Only the asker and the store can mark this question read.');
    }
    ctx.loaders.read.clearAll();
    return question;
  }

  private async load(questionId: string, ctx: StoresContext): Promise<Question> {
    const question = await ctx.services.questions.find(questionId);
    if (!question) throw notFound('No such question.');
    return question;
  }

  @FieldResolver(() => String, { description: `"${SECRET_PLACEHOLDER}" when hidden from you.` })
  content(@Root() question: Question, @Ctx() ctx: StoresContext) {
    return canRead(question, ctx) ? question.content : SECRET_PLACEHOLDER;
  }

  @FieldResolver(() => Boolean, { description: 'False when the question is secret and not yours.' })
  readable(@Root() question: Question, @Ctx() ctx: StoresContext): boolean {
    return canRead(question, ctx);
  }

  @FieldResolver(() => UserRef, { nullable: true, description: 'Hidden on secret questions.' })
  asker(@Root() question: Question, @Ctx() ctx: StoresContext) {
    return canRead(question, ctx) ? { id: question.askerId } : null;
  }

  @FieldResolver(() => Answer, { nullable: true })
  async answer(@Root() question: Question, @Ctx() ctx: StoresContext) {
    const answer = await ctx.loaders.answer.load(question.id);
    if (!answer || canRead(question, ctx)) return answer;
    return Object.assign(new Answer(), answer, { content: SECRET_PLACEHOLDER });
  }

  @FieldResolver(() => Boolean)
  async answered(@Root() question: Question, @Ctx() ctx: StoresContext): Promise<boolean> {
    return (await ctx.loaders.answer.load(question.id)) !== null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "The store's seller has read it; visible to the seller only.",
  })
  async readBySeller(@Root() question: Question, @Ctx() ctx: StoresContext) {
    if (!isStoreSeller(question, ctx)) return null;
    return ctx.loaders.read.load(readMarkId(question.id, 'SELLER'));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'The asker has read the answer; visible to the asker only.',
  })
  async answerRead(@Root() question: Question, @Ctx() ctx: StoresContext) {
    if (!isAsker(question, ctx)) return null;
    return ctx.loaders.read.load(readMarkId(question.id, 'ASKER'));
  }
}

@Resolver(() => Store)
export class StoreQuestionsResolver {
  @FieldResolver(() => QuestionConnection, {
    description: "The store and administrators: questions about the store's products.",
  })
  async questions(
    @Root() store: Store,
    @Ctx() ctx: StoresContext,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('unansweredOnly', { defaultValue: false }) unansweredOnly: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    await ctx.managedStore(store.id);
    const filtered = unreadOnly || unansweredOnly;
    return ctx.services.questions.page(
      { storeId: store.id },
      pageSize(first),
      after,
      filtered
        ? async (q) =>
            (!unreadOnly || !(await ctx.loaders.read.load(readMarkId(q.id, 'SELLER')))) &&
            (!unansweredOnly || (await ctx.loaders.answer.load(q.id)) === null)
        : undefined,
    );
  }

  @FieldResolver(() => Int, { description: 'The store and administrators: unread questions.' })
  async unreadQuestionCount(@Root() store: Store, @Ctx() ctx: StoresContext) {
    await ctx.managedStore(store.id);
    return ctx.services.questions.unreadCount(store.id);
  }
}
