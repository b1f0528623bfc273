import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EntityManager, rawDb } from '@bloom/kernel';
import type { Collection } from 'mongodb';

export type EndpointStatus = 'ENABLED' | 'DISABLED';
/** Why an endpoint stopped receiving: its owner, its failures, or its key's revocation. */
export type DisabledReason = 'BY_OWNER' | 'CONSECUTIVE_FAILURES' | 'KEY_REVOKED';

/** A signing secret, sealed (SecretBox); a rotated-out one keeps signing until `expiresAt`. */
export interface SealedSecret {
  sealed: string;
  createdAt: Date;
  expiresAt?: Date;
}

/**
 * An integrator's webhook endpoint. Written by its owner's mutations and by the delivery
 * worker (failure count, disabling), each through a single-document update: counters by
 * `$inc`, state changes and secret rotations by compare-and-set on `revision`.
 */
@Entity({ collection: 'webhook_endpoints' })
@Index({ properties: ['ownerId', 'createdAt'] })
@Index({ properties: ['apiKeyId'] })
@Index({ properties: ['eventTypes', 'status'] })
export class WebhookEndpointRecord {
  @PrimaryKey()
  _id!: string;

  @Property()
  ownerId!: string;

  /** The key that registered it (its revocation disables the endpoint); absent for a person. */
  @Property({ nullable: true })
  apiKeyId?: string;

  /** What the registering caller may read: bounds what the endpoint is sent. */
  @Property()
  scopes!: string[];

  @Property()
  url!: string;

  @Property()
  description!: string;

  @Property()
  eventTypes!: string[];

  @Property()
  status!: EndpointStatus;

  @Property({ nullable: true })
  disabledReason?: DisabledReason;

  @Property()
  consecutiveFailures!: number;

  @Property({ type: 'json' })
  secrets!: SealedSecret[];

  @Property()
  revision!: number;

  @Property()
  createdAt!: Date;

  @Property()
  updatedAt!: Date;
}

export type WebhookEndpointDoc = Omit<WebhookEndpointRecord, never>;

export type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

/** One try of a delivery, as the receiver answered (or did not). */
export interface AttemptRecord {
  at: Date;
  /** The HTTP status; absent when no answer came (timeout, refused connection). */
  statusCode?: number;
  durationMs: number;
  /** The answer's first bytes (at most 1 KiB kept), for the owner's log. */
  responseExcerpt?: string;
  error?: string;
}

/**
 * One event for one endpoint (`_id = <endpointId>:<eventId>`): created once however often the
 * event is redelivered, its body fixed at creation so every retry sends the same bytes.
 * Claimed for an attempt by compare-and-set on `nextAttemptAt`.
 */
@Entity({ collection: 'webhook_deliveries' })
@Index({ properties: ['endpointId', 'createdAt'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDeliveryRecord {
  @PrimaryKey()
  _id!: string;

  @Property()
  endpointId!: string;

  @Property()
  ownerId!: string;

  @Property()
  eventId!: string;

  @Property()
  eventType!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property()
  status!: DeliveryStatus;

  /** The latest attempts, newest last (at most MAX_ATTEMPTS_KEPT). */
  @Property({ type: 'json' })
  attempts!: AttemptRecord[];

  @Property()
  attemptCount!: number;

  @Property({ nullable: true })
  nextAttemptAt?: Date | null;

  /** Past this, a failed attempt gives the delivery up (24 h from creation or replay). */
  @Property()
  retryUntil!: Date;

  @Property()
  createdAt!: Date;

  @Property({ nullable: true })
  lastAttemptAt?: Date;
}

export type WebhookDeliveryDoc = Omit<WebhookDeliveryRecord, never>;

export const MAX_ATTEMPTS_KEPT = 30;

/** The two collections, through the driver: the worker's updates are conditional ones. */
export const webhookCollections = (
  em: EntityManager,
): { endpoints: Collection<WebhookEndpointDoc>; deliveries: Collection<WebhookDeliveryDoc> } => {
  const db = rawDb(em);
  return {
    endpoints: db.collection<WebhookEndpointDoc>('webhook_endpoints'),
    deliveries: db.collection<WebhookDeliveryDoc>('webhook_deliveries'),
  };
};
