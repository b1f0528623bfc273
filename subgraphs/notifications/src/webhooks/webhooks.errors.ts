import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError, description: 'No webhook endpoint of yours has this id.' })
export class WebhookEndpointNotFoundError extends UserError {}

@ObjectType({ implements: UserError, description: 'No delivery of your endpoints has this id.' })
export class WebhookDeliveryNotFoundError extends UserError {}

@ObjectType({
  implements: UserError,
  description:
    'The URL cannot receive webhooks: INVALID_URL (not an http(s) URL, or with credentials), URL_NOT_ALLOWED (it reaches a loopback, private or link-local address), HOST_NOT_FOUND.',
})
export class WebhookUrlRefusedError extends UserError {}
