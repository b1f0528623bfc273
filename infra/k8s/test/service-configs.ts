/**
 * Every service's own config loader (the zod schema it validates its environment with at boot),
 * by the name its Deployment and its docker-compose service have. The manifest tests feed each
 * one the environment a container would get, so a variable a service requires (in production,
 * say) cannot go missing from infra/k8s or docker-compose.yml unnoticed.
 */
import { loadGatewayConfig } from '../../../gateway/src/gateway.config.js';
import { loadGiftcardsConfig } from '../../../subgraphs/giftcards/src/giftcards.config.js';
import { loadIdentityConfig } from '../../../subgraphs/identity/src/identity.config.js';
import { loadNotificationsConfig } from '../../../subgraphs/notifications/src/notifications.config.js';
import { loadOrdersConfig } from '../../../subgraphs/orders/src/orders.config.js';
import { loadProductsConfig } from '../../../subgraphs/products/src/products.config.js';
import { loadStoresConfig } from '../../../subgraphs/stores/src/stores.config.js';
import { loadSubscriptionsConfig } from '../../../subgraphs/subscriptions/src/subscriptions.config.js';
import { loadPaymentsEmulatorConfig } from '../../emulators/payments/src/payments-emulator.config.js';
import { loadSmsEmulatorConfig } from '../../emulators/sms/src/sms-emulator.config.js';
import { loadWebhooksEmulatorConfig } from '../../emulators/webhooks/src/webhooks-emulator.config.js';

export type Env = Record<string, string | undefined>;

/** Throws the service's ConfigError (every problem listed) when the environment is refused. */
export type ConfigLoader = (env: Env) => { readonly PORT: number };

/** The subgraphs and their ports (infra/local/run.sh's SERVICE_TABLE). */
export const SUBGRAPH_PORTS = {
  identity: 4001,
  stores: 4002,
  products: 4003,
  orders: 4004,
  subscriptions: 4005,
  giftcards: 4006,
  notifications: 4007,
} as const;

export const SUBGRAPHS = Object.keys(SUBGRAPH_PORTS) as (keyof typeof SUBGRAPH_PORTS)[];

export const CLIENTS = ['storefront', 'seller', 'admin'] as const;

export const EMULATORS = ['payments', 'sms', 'webhooks'] as const;

export const CONFIG_LOADERS: Record<string, ConfigLoader> = {
  gateway: loadGatewayConfig,
  identity: loadIdentityConfig,
  stores: loadStoresConfig,
  products: loadProductsConfig,
  orders: loadOrdersConfig,
  subscriptions: loadSubscriptionsConfig,
  giftcards: loadGiftcardsConfig,
  notifications: loadNotificationsConfig,
  payments: loadPaymentsEmulatorConfig,
  sms: loadSmsEmulatorConfig,
  webhooks: loadWebhooksEmulatorConfig,
};

/** The names of variables that hold secrets: they must never be literal values in a manifest. */
export const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|_KEY)$|^MONGO_URL$/;

/** Runs a loader and reports its refusal as text instead of throwing. */
export function configProblem(loader: ConfigLoader, env: Env): string | undefined {
  try {
    loader(env);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
