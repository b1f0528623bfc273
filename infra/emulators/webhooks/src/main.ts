import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { loadWebhooksEmulatorConfig } from './webhooks-emulator.config.js';
import { startWebhooksEmulator } from './webhooks-emulator.server.js';

try {
  const config = loadWebhooksEmulatorConfig(process.env);
  const logger = createLogger({ service: 'webhooks-emulator', level: 'info' });
  const emulator = await startWebhooksEmulator({
    port: config.PORT,
    host: config.HOST,
    maxRecords: config.WEBHOOK_RECEIVER_MAX_RECORDS,
  });
  logger.info('listening', { url: emulator.url, deliveries: `${emulator.url}/` });
  closeOnSignals(() => emulator.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
