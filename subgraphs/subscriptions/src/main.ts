import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { buildServer } from './server.js';
import { loadSubscriptionsConfig } from './subscriptions.config.js';

try {
  const config = loadSubscriptionsConfig(process.env);
  const logger = createLogger({ service: 'subscriptions', level: config.LOG_LEVEL });
  const server = await buildServer(config, { logger });
  closeOnSignals(() => server.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
