import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { loadSmsEmulatorConfig } from './sms-emulator.config.js';
import { startSmsEmulator } from './sms-emulator.server.js';

try {
  const config = loadSmsEmulatorConfig(process.env);
  const logger = createLogger({ service: 'sms-emulator', level: 'info' });
  const emulator = await startSmsEmulator({
    port: config.PORT,
    host: config.HOST,
    apiKey: config.SMS_EMULATOR_API_KEY,
  });
  logger.info('listening', { url: emulator.url, inspect: `${emulator.url}/v1/messages` });
  closeOnSignals(() => emulator.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
