import { type ClientApp, startClient } from './client.harness.js';

export { SCREENSHOTS } from './client.harness.js';

export type Storefront = ClientApp;

/** The storefront (clients/storefront) served by Vite against the given gateway, in Chromium. */
export const startStorefront = (gatewayUrl: string): Promise<Storefront> =>
  startClient('storefront', gatewayUrl);
