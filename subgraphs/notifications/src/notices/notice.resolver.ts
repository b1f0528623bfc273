import { Access, pageSize, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../notifications.context.js';
import { MarkNoticeReadResult } from './notice.results.js';
import { InboxReadState, NoticeConnection, NoticeNode } from './notice.types.js';

@Resolver(() => NoticeNode)
export class NoticeResolver {
  @Access('signed-in')
  @Query(() => NoticeConnection, { description: 'The signed-in person’s notices, newest first.' })
  notices(
    @Ctx() ctx: NotificationsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
    @Arg('unreadOnly', { nullable: true }) unreadOnly?: boolean,
  ) {
    return ctx.inbox().list(pageSize(first), after, unreadOnly ?? false);
  }

  @Access('signed-in')
  @Query(() => Int, { description: 'How many of the signed-in person’s notices are unread.' })
  unreadNoticeCount(@Ctx() ctx: NotificationsContext) {
    return ctx.inbox().unreadCount();
  }

  @Access('signed-in')
  @Query(() => NoticeNode, {
    nullable: true,
    description:
      'One notice of the signed-in person (admins: also admin notices). Live `notificationAdded` payloads are resolved through it.',
  })
  async notice(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    requireUser(ctx.caller);
    const inbox = ctx.inbox();
    const found = await inbox.get(id);
    return found ? (await inbox.toNodes([found]))[0] : null;
  }

  @Access('signed-in')
  @Mutation(() => MarkNoticeReadResult)
  markNoticeRead(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    return ctx.inbox().markRead(id);
  }

  @Access('signed-in')
  @Mutation(() => InboxReadState, {
    description:
      'Marks every notice created up to `upTo` (default: now) as read; pass the newest notice’s createdAt the client showed, so notices that arrived meanwhile stay unread.',
  })
  markAllNoticesRead(
    @Ctx() ctx: NotificationsContext,
    @Arg('upTo', () => Date, { nullable: true }) upTo?: Date,
  ) {
    return ctx.inbox().markAllRead(upTo);
  }
}
