import { runEmulator } from '@bloom/kernel';
import { loadOpenAiEmulatorConfig } from './openai-emulator.config.js';
import { startOpenAiEmulator } from './openai-emulator.server.js';

await runEmulator(
  'openai-emulator',
  process.env,
  loadOpenAiEmulatorConfig,
  async (config, logger) => {
    const emulator = await startOpenAiEmulator({
      port: config.PORT,
      host: config.HOST,
      mode: config.OPENAI_EMULATOR_MODE,
      slowMs: config.OPENAI_EMULATOR_SLOW_MS,
      logger,
    });
    logger.info('listening', {
      url: emulator.url,
      baseURL: `${emulator.url}/v1`,
      mode: emulator.mode,
      switch: `curl -XPOST ${emulator.url}/__mode -d '{"mode":"slow"}'`,
    });
    return emulator;
  },
);
