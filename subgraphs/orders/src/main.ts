import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { loadOrdersConfig } from './orders.config.js';
import { buildServer } from './server.js';

try {
  const config = loadOrdersConfig(process.env);
  const logger = createLogger({ service: 'orders', level: config.LOG_LEVEL });
  const server = await buildServer(config, { logger });
  closeOnSignals(() => server.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
