import { Access } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../notifications.context.js';
import {
  CreateWebhookEndpointResult,
  DeleteWebhookEndpointResult,
  ReplayWebhookDeliveriesResult,
  ReplayWebhookDeliveryResult,
  RotateWebhookSecretResult,
  UpdateWebhookEndpointResult,
} from './webhooks.results.js';
import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEventTypeInfo,
} from './webhooks.types.js';

@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  @Access('signed-in', 'events:read')
  @Query(() => [WebhookEventTypeInfo], {
    description: 'The event types a webhook endpoint can subscribe to.',
  })
  webhookEventTypes(@Ctx() ctx: NotificationsContext) {
    return ctx.webhooks().eventTypes();
  }

  @Access('signed-in', 'events:read')
  @Query(() => [WebhookEndpoint], { description: 'Your webhook endpoints, newest first.' })
  webhookEndpoints(@Ctx() ctx: NotificationsContext) {
    return ctx.webhooks().list();
  }

  @Access('signed-in', 'events:read')
  @Query(() => WebhookEndpoint, { nullable: true })
  webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    return ctx.webhooks().get(id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description: 'The delivery log, newest first: every attempt with its answer.',
  })
  deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Ctx() ctx: NotificationsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status?: WebhookDeliveryStatus,
  ) {
    return ctx.webhooks().deliveriesOf(endpoint.id, first, after, status);
  }

  @Access('signed-in', 'events:read')
  @Mutation(() => CreateWebhookEndpointResult, {
    description:
      'Registers an endpoint; the answer carries its signing secret, shown this once. Deliveries are POSTs signed in Bloom-Signature (docs/integrators.md).',
  })
  createWebhookEndpoint(
    @Arg('input') input: CreateWebhookEndpointInput,
    @Ctx() ctx: NotificationsContext,
  ) {
    return ctx.webhooks().create(input);
  }

  @Access('signed-in', 'events:read')
  @Mutation(() => UpdateWebhookEndpointResult)
  updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateWebhookEndpointInput,
    @Ctx() ctx: NotificationsContext,
  ) {
    return ctx.webhooks().update(id, input);
  }

  @Access('signed-in', 'events:read')
  @Mutation(() => RotateWebhookSecretResult, {
    description:
      'A new signing secret; the old one keeps signing (a second v1 signature) for graceHours.',
  })
  rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: NotificationsContext,
    @Arg('graceHours', () => Int, { defaultValue: 24 }) graceHours: number,
  ) {
    return ctx.webhooks().rotate(id, graceHours);
  }

  @Access('signed-in', 'events:read')
  @Mutation(() => DeleteWebhookEndpointResult)
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    return ctx.webhooks().delete(id);
  }

  @Access('signed-in', 'events:read')
  @Mutation(() => ReplayWebhookDeliveryResult, {
    description: 'Sends one delivery again, with the same event id and body.',
  })
  replayWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    return ctx.webhooks().replay(id);
  }

  @Access('signed-in', 'events:read')
  @Mutation(() => ReplayWebhookDeliveriesResult, {
    description: "Sends again an endpoint's deliveries created in [from, to) (at most 31 days).",
  })
  replayWebhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: NotificationsContext,
  ) {
    return ctx.webhooks().replayRange(endpointId, from, to);
  }
}
