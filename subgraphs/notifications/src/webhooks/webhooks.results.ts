import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import {
  WebhookDeliveryNotFoundError,
  WebhookEndpointNotFoundError,
  WebhookUrlRefusedError,
} from './webhooks.errors.js';
import {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointDeleted,
  WebhookReplayQueued,
  WebhookSecretRotated,
} from './webhooks.types.js';

// Expected outcomes of the webhook mutations, as typed unions a client can switch on by __typename.

export const CreateWebhookEndpointResult = createUnionType({
  name: 'CreateWebhookEndpointResult',
  types: () => [WebhookEndpointCreated, WebhookUrlRefusedError, InvalidInputError] as const,
});

export const UpdateWebhookEndpointResult = createUnionType({
  name: 'UpdateWebhookEndpointResult',
  types: () =>
    [
      WebhookEndpoint,
      WebhookEndpointNotFoundError,
      WebhookUrlRefusedError,
      InvalidInputError,
    ] as const,
});

export const RotateWebhookSecretResult = createUnionType({
  name: 'RotateWebhookSecretResult',
  types: () => [WebhookSecretRotated, WebhookEndpointNotFoundError, InvalidInputError] as const,
});

export const DeleteWebhookEndpointResult = createUnionType({
  name: 'DeleteWebhookEndpointResult',
  types: () => [WebhookEndpointDeleted, WebhookEndpointNotFoundError] as const,
});

export const ReplayWebhookDeliveryResult = createUnionType({
  name: 'ReplayWebhookDeliveryResult',
  types: () => [WebhookDelivery, WebhookDeliveryNotFoundError] as const,
});

export const ReplayWebhookDeliveriesResult = createUnionType({
  name: 'ReplayWebhookDeliveriesResult',
  types: () => [WebhookReplayQueued, WebhookEndpointNotFoundError, InvalidInputError] as const,
});
