import { runEmulator } from '@bloom/kernel';
import { loadWebhooksEmulatorConfig } from './webhooks-emulator.config.js';
import { startWebhooksEmulator } from './webhooks-emulator.server.js';

await runEmulator(
  'webhooks-emulator',
  process.env,
  loadWebhooksEmulatorConfig,
  async (config, logger) => {
    const emulator = await startWebhooksEmulator({
      port: config.PORT,
      host: config.HOST,
      maxRecords: config.WEBHOOK_RECEIVER_MAX_RECORDS,
    });
    logger.info('listening', { url: emulator.url, deliveries: `${emulator.url}/` });
    return emulator;
  },
);
