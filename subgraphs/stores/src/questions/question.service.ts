import {
  type EntityManager,
  InvalidInputError,
  type Page,
  afterCursor,
  encodeKeysetCursor,
  isDuplicateKeyError,
  newestFirst,
  orderByOf,
  pageFrom,
  recordEvent,
  simpleError,
} from '@bloom/kernel';
import { questionAnswered, questionAsked } from '@bloom/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { Store } from '../stores/store.entity.js';
import { checkText } from '../stores/store.validation.js';
import { type StoresDeps, SOURCE } from '../stores.deps.js';
import { Answer, Question, QuestionRead, type ReadMark } from './question.entity.js';
import { QuestionAlreadyAnsweredError } from './question.errors.js';
import type { AskQuestionInput } from './question.types.js';

const CHUNK = 50;

const NEWEST_FIRST = newestFirst<Question>(
  'createdAt',
  (q) => q.createdAt,
  (q) => q.id,
);

export const readMarkId = (questionId: string, mark: ReadMark) => `${questionId}:${mark}`;

export class QuestionService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: StoresDeps,
  ) {}

  find(id: string): Promise<Question | null> {
    return ObjectId.isValid(id)
      ? this.em.findOne(Question, { _id: new ObjectId(id) })
      : Promise.resolve(null);
  }

  answerOf(questionId: string): Promise<Answer | null> {
    return this.em.findOne(Answer, { _id: questionId });
  }

  async isRead(questionId: string, mark: ReadMark): Promise<boolean> {
    return (await this.em.findOne(QuestionRead, { _id: readMarkId(questionId, mark) })) !== null;
  }

  async ask(
    askerId: string,
    input: AskQuestionInput,
    traceId: string,
  ): Promise<Question | InvalidInputError> {
    const problem =
      checkText(input.content, 'content', 1, 1000) ??
      checkText(input.productId, 'productId', 1, 100);
    if (problem) return problem;
    const store = ObjectId.isValid(input.storeId)
      ? await this.em.findOne(Store, { _id: new ObjectId(input.storeId) })
      : null;
    if (!store) return InvalidInputError.of('storeId', 'No such store.', 'STORE_NOT_FOUND');
    const now = this.deps.now();
    const question = Object.assign(new Question(), {
      productId: input.productId,
      storeId: store.id,
      sellerId: store.sellerId,
      askerId,
      content: input.content.trim(),
      secret: input.secret,
      createdAt: now,
    });
    question.id = question._id.toHexString();
    recordEvent(
      question,
      questionAsked,
      { source: SOURCE, subjectId: question.id, traceId, at: now },
      {
        questionId: question.id,
        productId: question.productId,
        storeId: store.id,
        sellerId: store.sellerId,
        askerId,
        secret: question.secret,
      },
    );
    await this.em.persist(question).flush();
    this.deps.relay.kick(question);
    return question;
  }

  async answer(
    question: Question,
    sellerId: string,
    content: string,
    traceId: string,
  ): Promise<Question | InvalidInputError | QuestionAlreadyAnsweredError> {
    const problem = checkText(content, 'content', 1, 1000);
    if (problem) return problem;
    const now = this.deps.now();
    const answer = Object.assign(new Answer(), {
      _id: question.id,
      storeId: question.storeId,
      askerId: question.askerId,
      content: content.trim(),
      answeredBy: sellerId,
      answeredAt: now,
    });
    recordEvent(
      answer,
      questionAnswered,
      { source: SOURCE, subjectId: question.id, traceId, at: now },
      {
        questionId: question.id,
        productId: question.productId,
        storeId: question.storeId,
        sellerId: question.sellerId,
        askerId: question.askerId,
      },
    );
    try {
      await this.em.insert(Answer, { ...answer });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return simpleError(
        QuestionAlreadyAnsweredError,
        'ALREADY_ANSWERED',
        'This question already has an answer.',
      );
    }
    // Answering implies the seller read the question.
    await this.markRead(question.id, 'SELLER');
    this.deps.relay.kick(answer);
    return question;
  }

  async markRead(questionId: string, mark: ReadMark): Promise<void> {
    try {
      await this.em.insert(QuestionRead, {
        _id: readMarkId(questionId, mark),
        at: this.deps.now(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /**
   * Newest first with a cursor; `keep` filters on the insert-only side documents (answers,
   * read marks), so candidates are read in chunks until the page is full.
   */
  async page(
    where: FilterQuery<Question>,
    first: number,
    after: string | undefined,
    keep?: (question: Question) => Promise<boolean>,
  ): Promise<Page<Question>> {
    const conditions: FilterQuery<Question>[] = [where];
    let totalCount: number;
    if (keep) {
      const all = await this.em.find(Question, where);
      const kept = await Promise.all(all.map(keep));
      totalCount = kept.filter(Boolean).length;
    } else {
      totalCount = await this.em.count(Question, where);
    }
    if (after) conditions.push(afterCursor(NEWEST_FIRST, after));
    // Up to one kept row more than the page, read in chunks since `keep` filters after reading.
    const rows: Question[] = [];
    for (let offset = 0; rows.length <= first; offset += CHUNK) {
      const chunk = await this.em.find(
        Question,
        { $and: conditions },
        { orderBy: orderByOf(NEWEST_FIRST), limit: CHUNK, offset },
      );
      for (const row of chunk) {
        if (keep && !(await keep(row))) continue;
        rows.push(row);
        if (rows.length > first) break;
      }
      if (chunk.length < CHUNK) break;
    }
    return pageFrom(rows, first, totalCount, (row) => encodeKeysetCursor(NEWEST_FIRST, row));
  }

  /** Questions the seller has not read yet. */
  async unreadCount(storeId: string): Promise<number> {
    const all = await this.em.find(Question, { storeId });
    const unread = await Promise.all(all.map(async (q) => !(await this.isRead(q.id, 'SELLER'))));
    return unread.filter(Boolean).length;
  }
}
