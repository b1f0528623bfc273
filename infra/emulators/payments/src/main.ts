import { runEmulator } from '@bloom/kernel';
import { loadPaymentsEmulatorConfig } from './payments-emulator.config.js';
import { startPaymentsEmulator } from './server.js';

await runEmulator('payments-emulator', process.env, loadPaymentsEmulatorConfig, (config, logger) =>
  startPaymentsEmulator(config, { logger }),
);
