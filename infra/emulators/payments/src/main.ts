import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { loadPaymentsEmulatorConfig } from './payments-emulator.config.js';
import { startPaymentsEmulator } from './server.js';

try {
  const config = loadPaymentsEmulatorConfig(process.env);
  const logger = createLogger({ service: 'payments-emulator', level: config.LOG_LEVEL });
  const emulator = await startPaymentsEmulator(config, { logger });
  closeOnSignals(() => emulator.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
