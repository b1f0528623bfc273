import { randomBytes } from 'node:crypto';
import {
  API_SCOPES,
  type AuthenticatedCaller,
  type EntityManager,
  InvalidInputError,
  type Page,
  findPage,
  newestFirst,
  pageSize,
  simpleError,
} from '@bloom/kernel';
import type { NotificationsDeps } from '../notifications.deps.js';
import { WEBHOOK_EVENT_TYPES, webhookEventType } from './webhook-events.js';
import { type SecretBox, newSigningSecret } from './webhook-secrets.js';
import { type UrlRefusal, resolveTarget } from './webhook-url.guard.js';
import type { WebhookDispatcher } from './webhook.dispatcher.js';
import {
  WebhookDeliveryRecord,
  type SealedSecret,
  type WebhookDeliveryDoc,
  type WebhookEndpointDoc,
  webhookCollections,
} from './webhook.entities.js';
import {
  WebhookDeliveryNotFoundError,
  WebhookEndpointNotFoundError,
  WebhookUrlRefusedError,
} from './webhooks.errors.js';
import {
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
  WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookDisabledReason,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointDeleted,
  WebhookEventTypeInfo,
  WebhookReplayQueued,
  WebhookSecretRotated,
  type WebhookEndpointStatus,
} from './webhooks.types.js';

/** Endpoints one owner may have. */
const MAX_ENDPOINTS = 20;
const MAX_DESCRIPTION = 200;
/** Longest grace a rotated-out secret keeps signing. */
const MAX_GRACE_HOURS = 168;
/** Widest range replayed at once. */
const MAX_REPLAY_DAYS = 31;
const SCOPE_NAMES: Record<string, string> = {
  'catalog:read': 'CATALOG_READ',
  'orders:write': 'ORDERS_WRITE',
  'events:read': 'EVENTS_READ',
};

export const toEndpoint = (doc: WebhookEndpointDoc, now: Date): WebhookEndpoint =>
  Object.assign(new WebhookEndpoint(), {
    id: doc._id,
    url: doc.url,
    description: doc.description,
    eventTypes: doc.eventTypes,
    status: doc.status as WebhookEndpointStatus,
    disabledReason: (doc.disabledReason ?? null) as WebhookDisabledReason | null,
    consecutiveFailures: doc.consecutiveFailures,
    previousSecretExpiresAt:
      doc.secrets.find((s) => s.expiresAt && s.expiresAt.getTime() > now.getTime())?.expiresAt ??
      null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  });

export const toDelivery = (doc: WebhookDeliveryDoc): WebhookDelivery =>
  Object.assign(new WebhookDelivery(), {
    id: doc._id,
    eventId: doc.eventId,
    eventType: doc.eventType,
    status: doc.status as WebhookDeliveryStatus,
    attemptCount: doc.attemptCount,
    attempts: doc.attempts.map((a) => ({
      at: a.at,
      statusCode: a.statusCode ?? null,
      durationMs: a.durationMs,
      responseExcerpt: a.responseExcerpt ?? null,
      error: a.error ?? null,
    })),
    nextAttemptAt: doc.nextAttemptAt ?? null,
    createdAt: doc.createdAt,
    payload: doc.body,
  });

const refused = (refusal: UrlRefusal) =>
  simpleError(WebhookUrlRefusedError, refusal.code, refusal.message);
const endpointNotFound = () =>
  simpleError(
    WebhookEndpointNotFoundError,
    'NOT_FOUND',
    'No webhook endpoint of yours has this id.',
  );

/**
 * An owner's webhook endpoints: registration (with a secret shown once), edits, secret
 * rotation with a grace period, deletion, the delivery log and replays. The owner is the
 * signed-in person or the API key's owner; an endpoint is only ever seen by its owner.
 */
export class WebhooksService {
  private readonly endpoints;
  private readonly deliveries;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: NotificationsDeps,
    private readonly box: SecretBox,
    private readonly dispatcher: WebhookDispatcher,
    private readonly caller: AuthenticatedCaller,
  ) {
    ({ endpoints: this.endpoints, deliveries: this.deliveries } = webhookCollections(em));
  }

  private get owner() {
    return this.caller.userId;
  }

  /** What the caller may read: a key its scopes, a person everything public. */
  private get scopes(): readonly string[] {
    return this.caller.kind === 'integrator' ? this.caller.scopes : API_SCOPES;
  }

  eventTypes(): WebhookEventTypeInfo[] {
    return WEBHOOK_EVENT_TYPES.map((t) =>
      Object.assign(new WebhookEventTypeInfo(), {
        type: t.contract.type,
        description: t.description,
        requiredScopes: t.scopes.map((s) => SCOPE_NAMES[s] ?? s),
      }),
    );
  }

  async list(): Promise<WebhookEndpoint[]> {
    const now = this.deps.now();
    const docs = await this.endpoints
      .find({ ownerId: this.owner })
      .sort({ createdAt: -1, _id: -1 })
      .toArray();
    return docs.map((doc) => toEndpoint(doc, now));
  }

  private async mine(id: string): Promise<WebhookEndpointDoc | null> {
    return this.endpoints.findOne({ _id: id, ownerId: this.owner });
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    const doc = await this.mine(id);
    return doc ? toEndpoint(doc, this.deps.now()) : null;
  }

  private eventTypesProblem(types: readonly string[]): InvalidInputError | null {
    const unique = [...new Set(types.map((t) => t.trim()))];
    if (unique.length === 0) {
      return InvalidInputError.of('eventTypes', 'Choose at least one event type.', 'REQUIRED');
    }
    for (const type of unique) {
      const known = webhookEventType(type);
      if (!known) {
        return InvalidInputError.of(
          'eventTypes',
          `${type} is not an event type endpoints can receive (see webhookEventTypes).`,
          'UNKNOWN_EVENT_TYPE',
        );
      }
      const missing = known.scopes.find((scope) => !this.scopes.includes(scope));
      if (missing) {
        return InvalidInputError.of(
          'eventTypes',
          `${type} needs an API key with the ${SCOPE_NAMES[missing] ?? missing} scope.`,
          'SCOPE_MISSING',
        );
      }
    }
    return null;
  }

  private descriptionProblem(description: string): InvalidInputError | null {
    return description.length > MAX_DESCRIPTION
      ? InvalidInputError.of('description', `At most ${MAX_DESCRIPTION} characters.`, 'TOO_LONG')
      : null;
  }

  private async urlProblem(url: string) {
    const target = await resolveTarget(url, this.deps.config.WEBHOOK_ALLOW_PRIVATE_URLS);
    return 'code' in target ? refused(target) : null;
  }

  private seal(secret: string, now: Date): SealedSecret {
    return { sealed: this.box.seal(secret), createdAt: now };
  }

  async create(input: CreateWebhookEndpointInput) {
    const description = input.description.trim();
    const problem =
      this.eventTypesProblem(input.eventTypes) ??
      this.descriptionProblem(description) ??
      (await this.urlProblem(input.url));
    if (problem) return problem;
    if ((await this.endpoints.countDocuments({ ownerId: this.owner })) >= MAX_ENDPOINTS) {
      return InvalidInputError.of(
        'url',
        `At most ${MAX_ENDPOINTS} endpoints; delete one first.`,
        'LIMIT_REACHED',
      );
    }
    const now = this.deps.now();
    const signingSecret = newSigningSecret();
    const doc: WebhookEndpointDoc = {
      _id: `whe_${randomBytes(12).toString('hex')}`,
      ownerId: this.owner,
      ...(this.caller.apiKeyId ? { apiKeyId: this.caller.apiKeyId } : {}),
      scopes: [...this.scopes],
      url: input.url.trim(),
      description,
      eventTypes: [...new Set(input.eventTypes.map((t) => t.trim()))],
      status: 'ENABLED',
      consecutiveFailures: 0,
      secrets: [this.seal(signingSecret, now)],
      revision: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.endpoints.insertOne(doc);
    return Object.assign(new WebhookEndpointCreated(), {
      endpoint: toEndpoint(doc, now),
      signingSecret,
    });
  }

  async update(id: string, input: UpdateWebhookEndpointInput) {
    const current = await this.mine(id);
    if (!current) return endpointNotFound();
    const description = input.description?.trim();
    const problem =
      (input.eventTypes ? this.eventTypesProblem(input.eventTypes) : null) ??
      (description !== undefined ? this.descriptionProblem(description) : null) ??
      (input.url ? await this.urlProblem(input.url) : null);
    if (problem) return problem;
    if (input.enabled && current.disabledReason === 'KEY_REVOKED') {
      return InvalidInputError.of(
        'enabled',
        'The API key that registered this endpoint was revoked; register it again with a valid key.',
        'KEY_REVOKED',
      );
    }
    const now = this.deps.now();
    const set: Partial<WebhookEndpointDoc> = { updatedAt: now };
    if (input.url) set.url = input.url.trim();
    if (input.eventTypes) set.eventTypes = [...new Set(input.eventTypes.map((t) => t.trim()))];
    if (description !== undefined) set.description = description;
    const unset: Record<string, ''> = {};
    if (input.enabled === true) {
      Object.assign(set, { status: 'ENABLED', consecutiveFailures: 0 });
      unset.disabledReason = '';
    } else if (input.enabled === false) {
      Object.assign(set, { status: 'DISABLED', disabledReason: 'BY_OWNER' });
    }
    const updated = await this.endpoints.findOneAndUpdate(
      { _id: id, ownerId: this.owner },
      { $set: set, $inc: { revision: 1 }, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
      { returnDocument: 'after' },
    );
    if (!updated) return endpointNotFound();
    return toEndpoint(updated, now);
  }

  /**
   * A new secret signs from now on; the one it replaces keeps signing for `graceHours` (both
   * signatures in the header), so receivers can switch without dropping a delivery.
   */
  async rotate(id: string, graceHours: number) {
    if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > MAX_GRACE_HOURS) {
      return InvalidInputError.of(
        'graceHours',
        `Between 0 and ${MAX_GRACE_HOURS} hours.`,
        'OUT_OF_RANGE',
      );
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.mine(id);
      if (!current) return endpointNotFound();
      const now = this.deps.now();
      const signingSecret = newSigningSecret();
      const active = current.secrets.find((s) => !s.expiresAt);
      const previous =
        active && graceHours > 0
          ? [{ ...active, expiresAt: new Date(now.getTime() + graceHours * 3_600_000) }]
          : [];
      const secrets = [this.seal(signingSecret, now), ...previous];
      // Compare-and-set: two rotations at once cannot both keep "the previous" secret.
      const rotated = await this.endpoints.findOneAndUpdate(
        { _id: id, ownerId: this.owner, revision: current.revision },
        { $set: { secrets, updatedAt: now }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      );
      if (rotated) {
        return Object.assign(new WebhookSecretRotated(), {
          endpoint: toEndpoint(rotated, now),
          signingSecret,
        });
      }
    }
    throw new Error(`webhook endpoint ${id}: secret rotation kept losing to other changes`);
  }

  async delete(id: string) {
    const deleted = await this.endpoints.deleteOne({ _id: id, ownerId: this.owner });
    if (deleted.deletedCount !== 1) return endpointNotFound();
    await this.deliveries.deleteMany({ endpointId: id });
    return Object.assign(new WebhookEndpointDeleted(), { id });
  }

  async deliveriesOf(
    endpointId: string,
    first: number | undefined,
    after: string | undefined,
    status: WebhookDeliveryStatus | undefined,
  ): Promise<Page<WebhookDelivery>> {
    const size = pageSize(first, 100);
    const page = await findPage(
      this.em,
      WebhookDeliveryRecord,
      { endpointId, ownerId: this.owner, ...(status ? { status } : {}) },
      newestFirst<WebhookDeliveryRecord>(
        'createdAt',
        (d) => d.createdAt,
        (d) => d._id,
        'string',
      ),
      size,
      after,
    );
    return { ...page, nodes: page.nodes.map(toDelivery) };
  }

  private requeue(now: Date) {
    return {
      status: 'PENDING' as const,
      nextAttemptAt: now,
      retryUntil: new Date(now.getTime() + this.deps.config.WEBHOOK_RETRY_FOR_MS),
    };
  }

  /** Sends one delivery again (same event id and body), whatever its state. */
  async replay(deliveryId: string) {
    const now = this.deps.now();
    const replayed = await this.deliveries.findOneAndUpdate(
      { _id: deliveryId, ownerId: this.owner },
      { $set: this.requeue(now) },
      { returnDocument: 'after' },
    );
    if (!replayed) {
      return simpleError(
        WebhookDeliveryNotFoundError,
        'NOT_FOUND',
        'No delivery of your endpoints has this id.',
      );
    }
    this.dispatcher.kick();
    return toDelivery(replayed);
  }

  /** Sends again every delivery an endpoint was given for events created in [from, to). */
  async replayRange(endpointId: string, from: Date, to: Date) {
    if (!(from.getTime() < to.getTime())) {
      return InvalidInputError.of('to', 'The end must come after the start.', 'INVALID_RANGE');
    }
    if (to.getTime() - from.getTime() > MAX_REPLAY_DAYS * 86_400_000) {
      return InvalidInputError.of(
        'to',
        `Replay at most ${MAX_REPLAY_DAYS} days at once.`,
        'RANGE_TOO_WIDE',
      );
    }
    if (!(await this.mine(endpointId))) return endpointNotFound();
    const now = this.deps.now();
    const replayed = await this.deliveries.updateMany(
      {
        endpointId,
        ownerId: this.owner,
        createdAt: { $gte: from, $lt: to },
        status: { $ne: 'PENDING' },
      },
      { $set: this.requeue(now) },
    );
    this.dispatcher.kick();
    return Object.assign(new WebhookReplayQueued(), { count: replayed.modifiedCount });
  }
}
