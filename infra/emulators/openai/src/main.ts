import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { loadOpenAiEmulatorConfig } from './openai-emulator.config.js';
import { startOpenAiEmulator } from './openai-emulator.server.js';

try {
  const config = loadOpenAiEmulatorConfig(process.env);
  const logger = createLogger({ service: 'openai-emulator', level: config.LOG_LEVEL });
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
  closeOnSignals(() => emulator.close(), logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
