import {
  type AuthenticatedCaller,
  type Caller,
  type EntityManager,
  forbidden,
  hasRole,
  keyedLoader,
  notFound,
  requireRole,
} from '@bloom/kernel';
import { type MikroORM, ObjectId } from '@mikro-orm/mongodb';
import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import { Coupon } from './coupons/coupon.entity.js';
import { CouponIssues, CouponService } from './coupons/coupon.service.js';
import { InventoryService } from './inventory/inventory.service.js';
import { StockLedger, type StockLevel, stockKey } from './inventory/stock.ledger.js';
import { PickupBook } from './pickup/pickup.book.js';
import { Answer, QuestionRead } from './questions/question.entity.js';
import { QuestionService } from './questions/question.service.js';
import { CouponRedemptionService } from './saga/coupon-redemption.service.js';
import { ReservationService } from './saga/reservation.service.js';
import { SagaSteps } from './saga/saga-steps.js';
import { Store } from './stores/store.entity.js';
import { StoreRating } from './stores/store-rating.entity.js';
import { type CurrentStatus, StoreStatusLog } from './stores/store-status.log.js';
import { StoreService } from './stores/store.service.js';
import type { StoresDeps } from './stores.deps.js';

/** Stateless helpers over the raw database, created once per service. */
export interface StoresInfra {
  db: Db;
  ledger: StockLedger;
  statusLog: StoreStatusLog;
  book: PickupBook;
  issues: CouponIssues;
}

export function createInfra(db: Db): StoresInfra {
  return {
    db,
    ledger: new StockLedger(db),
    statusLog: new StoreStatusLog(db),
    book: new PickupBook(db),
    issues: new CouponIssues(db),
  };
}

export interface StoresServices {
  stores: StoreService;
  inventory: InventoryService;
  coupons: CouponService;
  questions: QuestionService;
  reservations: ReservationService;
  redemptions: CouponRedemptionService;
}

export function buildServices(
  em: EntityManager,
  deps: StoresDeps,
  infra: StoresInfra,
): StoresServices {
  const steps = new SagaSteps(em);
  const redemptions = new CouponRedemptionService(em, deps, steps, infra.issues);
  return {
    stores: new StoreService(em, deps, infra.statusLog),
    inventory: new InventoryService(em, deps, infra.ledger),
    coupons: new CouponService(em, deps, infra.issues),
    questions: new QuestionService(em, deps),
    reservations: new ReservationService(
      em,
      deps,
      steps,
      infra.ledger,
      infra.book,
      infra.statusLog,
      deps.logger,
      redemptions,
    ),
    redemptions,
  };
}

export interface StoresLoaders {
  store: DataLoader<string, Store | null>;
  /** Live (not deleted) coupons. */
  coupon: DataLoader<string, Coupon | null>;
  storeBySeller: DataLoader<string, Store | null>;
  rating: DataLoader<string, StoreRating | null>;
  /** Exact status (the status log), not the listing projection. */
  status: DataLoader<string, CurrentStatus>;
  /** Key `<storeId>:<flowerId>`. */
  stock: DataLoader<string, StockLevel>;
  answer: DataLoader<string, Answer | null>;
  /** Key `<questionId>:<SELLER|ASKER>`. */
  read: DataLoader<string, boolean>;
}

export interface StoresContext {
  caller: Caller;
  em: EntityManager;
  deps: StoresDeps;
  infra: StoresInfra;
  services: StoresServices;
  loaders: StoresLoaders;
  /** The caller's own store, for seller actions: SELLER role and ownership, or FORBIDDEN. */
  ownStore(storeId: string): Promise<Store>;
  /** Owner or administrator, for management views. */
  managedStore(storeId: string): Promise<Store>;
  isManager(store: Store): boolean;
}

function createLoaders(em: EntityManager, infra: StoresInfra): StoresLoaders {
  return {
    // The stores collection is small; one `$in` query per batch.
    store: keyedLoader<string, Store>(
      (ids) => {
        const valid = ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id));
        return valid.length === 0 ? Promise.resolve([]) : em.find(Store, { _id: { $in: valid } });
      },
      (store) => store.id,
    ),
    coupon: keyedLoader<string, Coupon>(
      (ids) => {
        const valid = ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id));
        return valid.length === 0
          ? Promise.resolve([])
          : em.find(Coupon, { _id: { $in: valid }, deletedAt: null });
      },
      (coupon) => coupon.id,
    ),
    storeBySeller: keyedLoader<string, Store>(
      (sellerIds) => em.find(Store, { sellerId: { $in: [...sellerIds] } }),
      (store) => store.sellerId,
    ),
    rating: keyedLoader<string, StoreRating>(
      (ids) => em.find(StoreRating, { _id: { $in: [...ids] } }),
      (rating) => rating._id,
    ),
    status: new DataLoader<string, CurrentStatus>(async (ids) => {
      const statuses = await infra.statusLog.currentOf(ids);
      return ids.map((id) => statuses.get(id) as CurrentStatus);
    }),
    stock: new DataLoader<string, StockLevel>(async (keys) => {
      const parsed = keys.map((key) => {
        const [storeId = '', flowerId = '0'] = key.split(':');
        return { storeId, flowerId: Number(flowerId) };
      });
      const levels = await infra.ledger.levels(parsed);
      return parsed.map((k) => levels.get(stockKey(k.storeId, k.flowerId)) as StockLevel);
    }),
    answer: new DataLoader<string, Answer | null>(async (ids) => {
      const found = await em.find(Answer, { _id: { $in: [...ids] } }, { disableIdentityMap: true });
      const byId = new Map(found.map((answer) => [answer._id, answer]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    read: new DataLoader<string, boolean>(async (ids) => {
      const found = await em.find(QuestionRead, { _id: { $in: [...ids] } }, { fields: ['_id'] });
      const read = new Set(found.map((marker) => marker._id));
      return ids.map((id) => read.has(id));
    }),
  };
}

/** One EntityManager fork and one set of loaders per request. */
export function createContext(
  orm: MikroORM,
  deps: StoresDeps,
  infra: StoresInfra,
  caller: Caller,
): StoresContext {
  const em = orm.em.fork();
  const loaders = createLoaders(em, infra);
  const load = async (storeId: string) => {
    const store = await loaders.store.load(storeId);
    if (!store) throw notFound('No such store.');
    return store;
  };
  const isManager = (store: Store) =>
    hasRole(caller, 'ADMIN') || (hasRole(caller, 'SELLER') && caller.userId === store.sellerId);
  return {
    caller,
    em,
    deps,
    infra,
    services: buildServices(em, deps, infra),
    loaders,
    isManager,
    async ownStore(storeId) {
      const seller: AuthenticatedCaller = requireRole(caller, 'SELLER');
      const store = await load(storeId);
      if (store.sellerId !== seller.userId) throw forbidden('This is not your store.');
      return store;
    },
    async managedStore(storeId) {
      const store = await load(storeId);
      if (!isManager(store)) throw forbidden('Only the store and administrators can see this.');
      return store;
    },
  };
}
