import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../notifications.context.js';
import { UpdateNotificationSettingsResult } from '../notifications.results.js';
import { NotificationSettings, NotificationSettingsInput } from '../notices/notice.types.js';

@Resolver(() => NotificationSettings)
export class SettingsResolver {
  @Query(() => NotificationSettings)
  notificationSettings(@Ctx() ctx: NotificationsContext) {
    return ctx.settings().get();
  }

  @Mutation(() => UpdateNotificationSettingsResult)
  updateNotificationSettings(
    @Arg('input') input: NotificationSettingsInput,
    @Ctx() ctx: NotificationsContext,
  ) {
    return ctx.settings().update(input);
  }
}
