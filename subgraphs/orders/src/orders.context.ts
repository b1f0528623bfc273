import { type Caller, type EntityManager, keyedLoader } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import type DataLoader from 'dataloader';
import { AdminOrdersService } from './admin/admin-orders.service.js';
import { OrderStoryService } from './admin/order-story.service.js';
import { CartService } from './cart/cart.service.js';
import { FulfilmentService } from './fulfilment/fulfilment.service.js';
import type { OrdersDeps } from './orders.deps.js';
import { CheckoutService } from './orders/checkout.service.js';
import type { Order } from './orders/order.entity.js';
import { OrderQueries } from './orders/order.service.js';
import { EasyPayService } from './payments/easy-pay.service.js';
import { ReportingService } from './reporting/reporting.service.js';

export interface OrdersServices {
  admin: AdminOrdersService;
  cart: CartService;
  checkout: CheckoutService;
  easyPay: EasyPayService;
  fulfilment: FulfilmentService;
  queries: OrderQueries;
  reporting: ReportingService;
  story: OrderStoryService;
}

export interface OrdersContext {
  caller: Caller;
  em: EntityManager;
  deps: OrdersDeps;
  services: OrdersServices;
  orderLoader: DataLoader<string, Order | null>;
}

export function buildServices(em: EntityManager, deps: OrdersDeps): OrdersServices {
  return {
    admin: new AdminOrdersService(em, deps),
    cart: new CartService(em, deps),
    checkout: new CheckoutService(em, deps),
    easyPay: new EasyPayService(em, deps),
    fulfilment: new FulfilmentService(em, deps),
    queries: new OrderQueries(em, deps),
    reporting: new ReportingService(em, deps),
    story: new OrderStoryService(em),
  };
}

/** One EntityManager fork and one set of loaders per request. */
export function createContext(orm: MikroORM, deps: OrdersDeps, caller: Caller): OrdersContext {
  const em = orm.em.fork();
  const services = buildServices(em, deps);
  return {
    caller,
    em,
    deps,
    services,
    orderLoader: keyedLoader<string, Order>(
      (ids) => services.queries.byIds(ids),
      (order) => order.id,
    ),
  };
}
