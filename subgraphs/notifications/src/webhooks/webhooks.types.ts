import { Connection } from '@bloom/kernel';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WebhookEndpointStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookEndpointStatus, { name: 'WebhookEndpointStatus' });

export enum WebhookDisabledReason {
  BY_OWNER = 'BY_OWNER',
  CONSECUTIVE_FAILURES = 'CONSECUTIVE_FAILURES',
  KEY_REVOKED = 'KEY_REVOKED',
}
registerEnumType(WebhookDisabledReason, {
  name: 'WebhookDisabledReason',
  valuesConfig: {
    BY_OWNER: { description: 'Its owner turned it off.' },
    CONSECUTIVE_FAILURES: { description: 'Too many deliveries in a row failed.' },
    KEY_REVOKED: { description: 'The API key that registered it was revoked.' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Not answered with 2xx yet: an attempt is due or under way.' },
    SUCCEEDED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Retried for 24 hours without a 2xx; replay it to try again.' },
    SKIPPED: { description: 'Its endpoint was disabled when it was due; replay it to send it.' },
  },
});

@ObjectType({ description: 'An event type an endpoint can subscribe to.' })
export class WebhookEventTypeInfo {
  @Field({ description: 'e.g. orders.order.confirmed' })
  type!: string;

  @Field()
  description!: string;

  @Field(() => [String], {
    description: 'Scopes the registering API key needs besides EVENTS_READ (e.g. CATALOG_READ).',
  })
  requiredScopes!: string[];
}

@ObjectType({ description: 'One try of a delivery.' })
export class WebhookAttempt {
  @Field()
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status; null when none came.' })
  statusCode!: number | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String, { nullable: true, description: "The answer's first 1 KiB." })
  responseExcerpt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it failed without an answer: TIMEOUT, NETWORK, REDIRECT, URL_NOT_ALLOWED…',
  })
  error!: string | null;
}

@ObjectType({ description: 'One event sent (or to be sent) to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The Bloom-Event-Id header: the same on every retry and replay.' })
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount!: number;

  @Field(() => [WebhookAttempt], { description: 'The latest attempts, oldest first.' })
  attempts!: WebhookAttempt[];

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field({ description: 'The exact body sent (and signed).' })
  payload!: string;
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(
  WebhookDelivery,
  'WebhookDeliveryConnection',
) {}

@ObjectType({ description: 'Where an integrator receives events, signed with its secret.' })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  eventTypes!: string[];

  @Field(() => WebhookEndpointStatus)
  status!: WebhookEndpointStatus;

  @Field(() => WebhookDisabledReason, { nullable: true })
  disabledReason!: WebhookDisabledReason | null;

  @Field(() => Int, { description: 'Failed attempts in a row; 20 disable the endpoint.' })
  consecutiveFailures!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the previous secret still signs (after a rotation).',
  })
  previousSecretExpiresAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'https URL (http allowed); must reach a public address in production.' })
  url!: string;

  @Field(() => [String], { description: 'Event types (see webhookEventTypes).' })
  eventTypes!: string[];

  @Field({ defaultValue: '' })
  description!: string;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false turns it off; true turns it on again and clears the failure count.',
  })
  enabled?: boolean | null;
}

@ObjectType({ description: 'A new endpoint and its signing secret, shown this once.' })
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'Keep it: it is never shown again (rotate to get a new one).' })
  signingSecret!: string;
}

@ObjectType({ description: 'The new signing secret, shown this once.' })
export class WebhookSecretRotated {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field()
  signingSecret!: string;
}

@ObjectType()
export class WebhookEndpointDeleted {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'Deliveries queued again, each sent once more with its event id.' })
export class WebhookReplayQueued {
  @Field(() => Int)
  count!: number;
}
