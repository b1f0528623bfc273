import { type Caller, type Logger, anonymousCaller, hasRole } from '@bloom/kernel';
import type { LiveAuditEntry, LiveNotice, LiveOrderStatus, LiveRestock } from '@bloom/schema';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayMetrics } from '../metrics/gateway.metrics.js';
import { type LiveOperation, liveIdVariable } from './live-operation.js';
import { type LiveSink, LiveSubscription } from './live.subscription.js';

/** Runs a query as a caller through the gateway's own federation executor. */
export type FederatedExecutor = (
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) => Promise<FormattedExecutionResult>;

interface Subscriber {
  caller: Caller;
  operation: LiveOperation;
  subscription: LiveSubscription;
}

/** Subscribers keyed by what they match on; a Set per key keeps removal O(1). */
class Index {
  private readonly byKey = new Map<string, Set<Subscriber>>();

  add(key: string, subscriber: Subscriber): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byKey.delete(key);
    };
  }

  get(key: string): Iterable<Subscriber> {
    return this.byKey.get(key) ?? [];
  }
}

/** A group of subscribers that can share one resolution: same query, same visibility. */
interface Audience {
  caller: Caller;
  operation: LiveOperation;
  subscribers: Subscriber[];
}

/**
 * This replica's live subscribers and the matching of live messages (from NATS) to them.
 * Every replica receives every message and serves only its own connections. Matching is by
 * identity, never by what the client asked for: a person gets their own notices, an admin the
 * admin notices, an order's watchers its changes, anyone a public restock.
 */
export class LiveHub {
  private readonly noticesByUser = new Index();
  private readonly adminNotices = new Index();
  private readonly ordersById = new Index();
  private readonly restocksByProduct = new Index();
  private readonly auditWatchers = new Index();
  private count = 0;

  constructor(
    private readonly execute: FederatedExecutor,
    private readonly logger: Logger,
    /** Counts pushes and drops by subscription field (`gateway_live_pushes_total`, …). */
    private readonly metrics?: Pick<GatewayMetrics, 'livePushed' | 'liveDropped'>,
  ) {}

  get size(): number {
    return this.count;
  }

  /**
   * Registers a subscription whose results go to `sink`; the returned subscription is the
   * stream graphql-ws holds for it until the client completes it or goes away.
   */
  subscribe(caller: Caller, operation: LiveOperation, sink: LiveSink): LiveSubscription {
    const removals: (() => void)[] = [];
    const subscription = new LiveSubscription(sink, () => {
      for (const remove of removals) remove();
      this.count -= 1;
    });
    const subscriber: Subscriber = { caller, operation, subscription };
    this.count += 1;
    switch (operation.field) {
      case 'notificationAdded':
        if (caller.userId) removals.push(this.noticesByUser.add(caller.userId, subscriber));
        if (hasRole(caller, 'ADMIN')) removals.push(this.adminNotices.add('ADMINS', subscriber));
        break;
      case 'orderStatusChanged':
        removals.push(this.ordersById.add(operation.argument ?? '', subscriber));
        break;
      case 'productRestocked':
        removals.push(this.restocksByProduct.add(operation.argument ?? '', subscriber));
        break;
      case 'auditEntryAdded':
        // The access rule already refused non-admins; the role is checked again here.
        if (hasRole(caller, 'ADMIN')) removals.push(this.auditWatchers.add('ADMINS', subscriber));
        break;
    }
    return subscription;
  }

  async notice(message: LiveNotice): Promise<number> {
    if ('userId' in message.recipient) {
      const userId = message.recipient.userId;
      // One person's connections: resolved as that person.
      return this.deliver(message.noticeId, this.noticesByUser.get(userId), () => `u:${userId}`);
    }
    // Admin notices: every admin sees the same notice; resolved once per selection.
    return this.deliver(message.noticeId, this.adminNotices.get('ADMINS'), () => 'admins');
  }

  async orderStatus(message: LiveOrderStatus): Promise<number> {
    const entitled = [...this.ordersById.get(message.orderId)].filter(
      ({ caller }) =>
        hasRole(caller, 'ADMIN') ||
        (caller.userId !== undefined &&
          (caller.userId === message.customerId || caller.userId === message.sellerUserId)),
    );
    return this.deliver(message.changeId, entitled, (s) => `u:${s.caller.userId}`);
  }

  async restock(message: LiveRestock): Promise<number> {
    // A restock is public: resolved once, as an anonymous caller, for everyone watching.
    return this.deliver(
      message.restockId,
      this.restocksByProduct.get(message.productId),
      () => 'public',
      anonymousCaller(`live-${message.restockId}`),
    );
  }

  async auditEntry(message: LiveAuditEntry): Promise<number> {
    // Every admin sees every entry: resolved once per selection, as each audience's admin.
    return this.deliver(message.entryId, this.auditWatchers.get('ADMINS'), () => 'admins');
  }

  private async deliver(
    liveId: string,
    subscribers: Iterable<Subscriber>,
    visibility: (subscriber: Subscriber) => string,
    asCaller?: Caller,
  ): Promise<number> {
    const audiences = new Map<string, Audience>();
    for (const subscriber of subscribers) {
      const key = `${visibility(subscriber)}\n${subscriber.operation.shareKey}`;
      const audience = audiences.get(key);
      if (audience) audience.subscribers.push(subscriber);
      else {
        audiences.set(key, {
          caller: asCaller ?? subscriber.caller,
          operation: subscriber.operation,
          subscribers: [subscriber],
        });
      }
    }
    let delivered = 0;
    await Promise.all(
      [...audiences.values()].map(async ({ caller, operation, subscribers: group }) => {
        let formatted: FormattedExecutionResult;
        try {
          formatted = await this.execute(
            operation.query,
            { ...operation.variables, [liveIdVariable]: liveId },
            caller,
          );
        } catch (error) {
          this.logger.error('live payload resolution failed', { liveId, error });
          return;
        }
        const data = formatted.data;
        // Null: the payload is not (or no longer) visible to this audience; send nothing.
        if (!data || Object.values(data).every((value) => value === null)) {
          if (formatted.errors?.length) {
            this.logger.warn('live payload not delivered', { liveId, errors: formatted.errors });
          }
          return;
        }
        // Resolved and serialised once for the whole audience, then written to each socket.
        const json = JSON.stringify(formatted);
        let sent = 0;
        for (const subscriber of group) if (subscriber.subscription.push(json)) sent += 1;
        delivered += sent;
        this.metrics?.livePushed(operation.field, sent);
        this.metrics?.liveDropped(operation.field, group.length - sent);
      }),
    );
    return delivered;
  }
}
