import type { Logger, OutboxRelay } from '@bloom/kernel';
import type { ImageStorage } from './images/image.storage.js';
import type { UploadTokens } from './images/upload-token.js';
import type { ProductsConfig } from './products.config.js';
import type { QueryInterpreter } from './search/query-interpreter.js';

/** Long-lived collaborators shared by every request and event handler of products. */
export interface ProductsDeps {
  config: ProductsConfig;
  logger: Logger;
  relay: OutboxRelay;
  imageStorage: ImageStorage;
  uploadTokens: UploadTokens;
  /** Turns a search query into filters: the AI with an offline fallback. */
  interpreter: QueryInterpreter;
  /** The origin clients reach this service's /uploads and /images routes at. */
  publicUrl: () => string;
  /** Injectable clock so expiry rules can be tested without waiting. */
  now: () => Date;
}

export const SOURCE = 'products';
