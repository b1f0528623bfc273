import { Access } from '@bloom/kernel';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../notifications.context.js';
import { UpdateNotificationSettingsResult } from './settings.results.js';
import { NotificationSettings, NotificationSettingsInput } from './settings.types.js';

@Resolver(() => NotificationSettings)
export class SettingsResolver {
  @Access('signed-in')
  @Query(() => NotificationSettings)
  notificationSettings(@Ctx() ctx: NotificationsContext) {
    return ctx.settings().get();
  }

  @Access('signed-in')
  @Mutation(() => UpdateNotificationSettingsResult)
  updateNotificationSettings(
    @Arg('input') input: NotificationSettingsInput,
    @Ctx() ctx: NotificationsContext,
  ) {
    return ctx.settings().update(input);
  }
}
