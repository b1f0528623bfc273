import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { NoticeNode, NoticeNotFoundError, NotificationSettings } from './notices/notice.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const MarkNoticeReadResult = createUnionType({
  name: 'MarkNoticeReadResult',
  types: () => [NoticeNode, NoticeNotFoundError] as const,
});

export const UpdateNotificationSettingsResult = createUnionType({
  name: 'UpdateNotificationSettingsResult',
  types: () => [NotificationSettings, InvalidInputError] as const,
});
