import {
  type EntityManager,
  InvalidInputError,
  firstProblem,
  isDuplicateKeyError,
  recordEvent,
  simpleError,
} from '@bloom/kernel';
import { storeOpened, storeUpdated } from '@bloom/schema';
import { ApprovedSeller } from '../sellers/approved-seller.entity.js';
import { type StoresDeps, SOURCE } from '../stores.deps.js';
import {
  BusinessHours,
  PickupSettings,
  SettlementAccount,
  Store,
  StoreAddress,
  StoreDeliveryPolicy,
  StoreDeliveryWindow,
  StoreStatus,
} from './store.entity.js';
import {
  SellerNotApprovedError,
  StoreAlreadyExistsError,
  StoreStatusTransitionError,
} from './store.errors.js';
import type { StatusChange, StoreStatusLog } from './store-status.log.js';
import {
  type BusinessHoursInput,
  type CreateStoreInput,
  type PickupSettingsInput,
  type SettlementAccountInput,
  type StoreAddressInput,
  type StoreDeliveryPolicyInput,
  type UpdateStoreInput,
} from './store.types.js';
import {
  checkAddress,
  checkBusinessHours,
  checkDeliveryPolicy,
  checkLowStockThreshold,
  checkPhone,
  checkPickup,
  checkSettlement,
  checkText,
  checkUrl,
} from './store.validation.js';

const DEFAULT_DELIVERY_WINDOWS = [
  { start: '10:00', end: '13:00' },
  { start: '13:00', end: '16:00' },
  { start: '16:00', end: '19:00' },
];

const toAddress = (input: StoreAddressInput) =>
  Object.assign(new StoreAddress(), {
    regionCode: input.regionCode,
    districtCode: input.districtCode,
    street: input.street.trim(),
    detail: input.detail?.trim() ?? '',
    zipCode: input.zipCode.trim(),
    latitude: input.latitude,
    longitude: input.longitude,
  });

const toHours = (input: BusinessHoursInput) =>
  Object.assign(new BusinessHours(), {
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    closedWeekdays: [...new Set(input.closedWeekdays ?? [])].sort(),
  });

const toSettlement = (input: SettlementAccountInput) =>
  Object.assign(new SettlementAccount(), {
    bank: input.bank,
    accountNumber: input.accountNumber.trim(),
    accountHolder: input.accountHolder.trim(),
  });

const toWindows = (windows: { start: string; end: string }[]) =>
  [...windows]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((w) => Object.assign(new StoreDeliveryWindow(), { start: w.start, end: w.end }));

const toPolicy = (input: StoreDeliveryPolicyInput | undefined) =>
  Object.assign(new StoreDeliveryPolicy(), {
    fee: input?.fee ?? 3000,
    freeDeliveryThreshold: input ? (input.freeDeliveryThreshold ?? null) : 50000,
    sameDayCutoff: input?.sameDayCutoff ?? '14:00',
    windows: toWindows(input?.windows ?? DEFAULT_DELIVERY_WINDOWS),
  });

const toPickup = (input: PickupSettingsInput | undefined) =>
  Object.assign(new PickupSettings(), {
    enabled: input?.enabled ?? true,
    slotCapacity: input?.slotCapacity ?? 3,
  });

/** The store as other contexts project it (orders: delivery fee and calendar; products: region). */
export function storeSnapshot(store: Store, status: StoreStatus) {
  return {
    storeId: store.id,
    sellerId: store.sellerId,
    name: store.name,
    status,
    regionCode: store.address.regionCode,
    districtCode: store.address.districtCode,
    latitude: store.address.latitude,
    longitude: store.address.longitude,
    deliveryPolicy: {
      fee: store.deliveryPolicy.fee,
      freeDeliveryThreshold: store.deliveryPolicy.freeDeliveryThreshold ?? null,
      sameDayCutoff: store.deliveryPolicy.sameDayCutoff,
      windows: store.deliveryPolicy.windows.map((w) => ({ start: w.start, end: w.end })),
    },
    pickup: { enabled: store.pickup.enabled, slotCapacity: store.pickup.slotCapacity },
    businessHours: {
      opensAt: store.businessHours.opensAt,
      closesAt: store.businessHours.closesAt,
      closedWeekdays: [...store.businessHours.closedWeekdays],
    },
  };
}

/** The reason prefix of a suspension that follows the owner's account suspension. */
export const OWNER_SUSPENDED_REASON = 'SELLER_SUSPENDED';
/** The actor of status changes the platform makes on its own (`closedBy` of such a close). */
export const SYSTEM_ACTOR = 'SYSTEM';

export class StoreService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: StoresDeps,
    private readonly statusLog: StoreStatusLog,
  ) {}

  async create(
    sellerId: string,
    input: CreateStoreInput,
    traceId: string,
  ): Promise<Store | InvalidInputError | StoreAlreadyExistsError | SellerNotApprovedError> {
    if (!(await this.awaitApproval(sellerId))) {
      return simpleError(
        SellerNotApprovedError,
        'SELLER_NOT_APPROVED',
        'Your seller approval has not arrived yet; try again in a moment.',
      );
    }
    const problem = firstProblem(
      checkText(input.name, 'name', 1, 40),
      checkText(input.description ?? '', 'description', 0, 2000),
      checkUrl(input.thumbnailUrl, 'thumbnailUrl'),
      checkPhone(input.phone),
      checkAddress(input.address),
      checkBusinessHours(input.businessHours),
      checkSettlement(input.settlementAccount),
      input.deliveryPolicy ? checkDeliveryPolicy(input.deliveryPolicy) : null,
      input.pickup ? checkPickup(input.pickup) : null,
      checkLowStockThreshold(input.lowStockThreshold),
    );
    if (problem) return problem;
    const exists = () =>
      simpleError(StoreAlreadyExistsError, 'STORE_EXISTS', 'You already have a store.');
    if (await this.em.findOne(Store, { sellerId })) return exists();

    const now = this.deps.now();
    const store = Object.assign(new Store(), {
      sellerId,
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      thumbnailUrl: input.thumbnailUrl || undefined,
      phone: input.phone.trim(),
      address: toAddress(input.address),
      businessHours: toHours(input.businessHours),
      settlement: toSettlement(input.settlementAccount),
      deliveryPolicy: toPolicy(input.deliveryPolicy),
      pickup: toPickup(input.pickup),
      createdAt: now,
      updatedAt: now,
    });
    if (input.lowStockThreshold !== undefined) store.lowStockThreshold = input.lowStockThreshold;
    store.id = store._id.toHexString();
    recordEvent(
      store,
      storeOpened,
      { source: SOURCE, subjectId: store.id, traceId, at: now },
      storeSnapshot(store, StoreStatus.OPEN),
    );
    try {
      await this.em.persist(store).flush();
    } catch (error) {
      if (isDuplicateKeyError(error)) return exists();
      throw error;
    }
    this.deps.relay.kick(store);
    return store;
  }

  /**
   * True once `identity.seller.approved` for this user has been recorded. A seller whose token
   * already says SELLER may be a moment ahead of the event, so this polls briefly.
   */
  private async awaitApproval(sellerId: string): Promise<boolean> {
    const deadline = Date.now() + this.deps.config.APPROVAL_WAIT_MS;
    for (;;) {
      const approved = await this.em.findOne(
        ApprovedSeller,
        { _id: sellerId },
        { disableIdentityMap: true },
      );
      if (approved) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async update(store: Store, input: UpdateStoreInput, traceId: string) {
    const problem = firstProblem(
      input.name === undefined ? null : checkText(input.name, 'name', 1, 40),
      input.description === undefined ? null : checkText(input.description, 'description', 0, 2000),
      checkUrl(input.thumbnailUrl, 'thumbnailUrl'),
      input.phone === undefined ? null : checkPhone(input.phone),
      input.address ? checkAddress(input.address) : null,
      input.businessHours ? checkBusinessHours(input.businessHours) : null,
      input.settlementAccount ? checkSettlement(input.settlementAccount) : null,
      checkLowStockThreshold(input.lowStockThreshold),
    );
    if (problem) return problem;
    if (input.name !== undefined) store.name = input.name.trim();
    if (input.description !== undefined) store.description = input.description.trim();
    if (input.thumbnailUrl !== undefined) store.thumbnailUrl = input.thumbnailUrl || undefined;
    if (input.phone !== undefined) store.phone = input.phone.trim();
    if (input.address) store.address = toAddress(input.address);
    if (input.businessHours) store.businessHours = toHours(input.businessHours);
    if (input.settlementAccount) store.settlement = toSettlement(input.settlementAccount);
    if (input.lowStockThreshold !== undefined) store.lowStockThreshold = input.lowStockThreshold;
    return this.saveWithSnapshot(store, traceId);
  }

  async updateDeliveryPolicy(store: Store, input: StoreDeliveryPolicyInput, traceId: string) {
    const problem = checkDeliveryPolicy(input);
    if (problem) return problem;
    store.deliveryPolicy = toPolicy(input);
    return this.saveWithSnapshot(store, traceId);
  }

  async updatePickup(store: Store, input: PickupSettingsInput, traceId: string) {
    const problem = checkPickup(input);
    if (problem) return problem;
    store.pickup = toPickup(input);
    return this.saveWithSnapshot(store, traceId);
  }

  /** Every profile or policy change publishes the full snapshot for other contexts' projections. */
  private async saveWithSnapshot(store: Store, traceId: string): Promise<Store> {
    const { status } = await this.statusLog.current(store.id);
    recordEvent(
      store,
      storeUpdated,
      { source: SOURCE, subjectId: store.id, traceId, at: this.deps.now() },
      storeSnapshot(store, status),
    );
    await this.em.flush();
    this.deps.relay.kick(store);
    return store;
  }

  /** Admin: stop a store from selling. */
  suspend(store: Store, adminId: string, reason: string, traceId: string) {
    if (!reason.trim()) {
      return Promise.resolve(
        InvalidInputError.of('reason', 'Say why the store is suspended.', 'REASON_REQUIRED'),
      );
    }
    return this.changeStatus(
      store,
      { to: StoreStatus.SUSPENDED, reason: reason.trim() },
      [StoreStatus.OPEN, StoreStatus.CLOSED],
      adminId,
      traceId,
      undefined,
      true,
    );
  }

  /** Admins reopen suspended or closed stores; a seller reopens only a store they closed. */
  reopen(store: Store, actorId: string, asAdmin: boolean, traceId: string) {
    return this.changeStatus(
      store,
      { to: StoreStatus.OPEN },
      asAdmin ? [StoreStatus.SUSPENDED, StoreStatus.CLOSED] : [StoreStatus.CLOSED],
      actorId,
      traceId,
      undefined,
      asAdmin,
    );
  }

  /** Only an open store closes: a seller cannot close a suspension away. */
  close(store: Store, actorId: string, asAdmin: boolean, traceId: string) {
    return this.changeStatus(
      store,
      { to: StoreStatus.CLOSED },
      [StoreStatus.OPEN],
      actorId,
      traceId,
      undefined,
      asAdmin,
    );
  }

  /**
   * The owner's account was suspended (`identity.user.suspended`): the store stops selling as
   * under an admin suspension, but only an open store moves; a suspended or closed one is left
   * as it is. `eventId` keys the move, so a redelivered event never moves the store twice.
   */
  suspendForOwnerSuspension(
    store: Store,
    suspendedBy: string,
    reason: string,
    eventId: string,
    traceId: string,
  ) {
    return this.changeStatus(
      store,
      { to: StoreStatus.SUSPENDED, reason: `${OWNER_SUSPENDED_REASON}: ${reason.trim()}` },
      [StoreStatus.OPEN],
      suspendedBy,
      traceId,
      eventId,
    );
  }

  /**
   * The owner deleted their account (`identity.user.deleted`): the store closes for good, also
   * from a suspension (its owner is gone for good, and only a close ends its subscriptions);
   * a closed store stays as it is. `eventId` keys the move as above.
   */
  closeForOwnerDeletion(store: Store, eventId: string, traceId: string) {
    return this.changeStatus(
      store,
      { to: StoreStatus.CLOSED },
      [StoreStatus.OPEN, StoreStatus.SUSPENDED],
      SYSTEM_ACTOR,
      traceId,
      eventId,
    );
  }

  private async changeStatus(
    store: Store,
    change: StatusChange,
    from: StoreStatus[],
    actorId: string,
    traceId: string,
    opKey?: string,
    byAdmin = false,
  ): Promise<Store | StoreStatusTransitionError> {
    const result = await this.statusLog.transition(
      store,
      change,
      from,
      actorId,
      traceId,
      this.deps.now(),
      opKey,
      byAdmin,
    );
    if (!result.changed) {
      return Object.assign(
        simpleError(
          StoreStatusTransitionError,
          'INVALID_STATUS_TRANSITION',
          `The store is ${result.current.status}; it cannot become ${change.to} from there.`,
        ),
        { currentStatus: result.current.status },
      );
    }
    this.deps.relay.kick();
    await this.project(store, result.entry.status, result.entry.seq);
    return store;
  }

  /** Refreshes the listing projection of the status (best effort; the log stays the authority). */
  async project(store: Store, status: StoreStatus, version: number): Promise<void> {
    if (store.statusVersion >= version) return;
    await this.em.nativeUpdate(
      Store,
      { _id: store._id, statusVersion: { $lt: version } },
      { status, statusVersion: version },
    );
    store.status = status;
    store.statusVersion = version;
  }
}
