import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { loadProductsConfig } from './products.config.js';
import { buildServer } from './server.js';

try {
  const config = loadProductsConfig(process.env);
  const logger = createLogger({ service: 'products', level: config.LOG_LEVEL });
  const server = await buildServer(config, { logger });
  closeOnSignals(() => server.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
