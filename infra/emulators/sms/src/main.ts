import { runEmulator } from '@bloom/kernel';
import { loadSmsEmulatorConfig } from './sms-emulator.config.js';
import { startSmsEmulator } from './sms-emulator.server.js';

await runEmulator('sms-emulator', process.env, loadSmsEmulatorConfig, async (config, logger) => {
  const emulator = await startSmsEmulator({
    port: config.PORT,
    host: config.HOST,
    apiKey: config.SMS_EMULATOR_API_KEY,
  });
  logger.info('listening', { url: emulator.url, inspect: `${emulator.url}/v1/messages` });
  return emulator;
});
