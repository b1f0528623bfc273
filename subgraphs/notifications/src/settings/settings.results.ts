import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { NotificationSettings } from './settings.types.js';

// Expected outcomes of the settings' mutations, as typed unions a client can switch on by __typename.

export const UpdateNotificationSettingsResult = createUnionType({
  name: 'UpdateNotificationSettingsResult',
  types: () => [NotificationSettings, InvalidInputError] as const,
});
