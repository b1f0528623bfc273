import { ConfigError, closeOnSignals, createLogger } from '@bloom/kernel';
import { type GatewayConfig, loadGatewayConfig } from './gateway.config.js';
import { startGateway } from './gateway.server.js';

// The only place that reads the environment.
let config: GatewayConfig;
try {
  config = loadGatewayConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // One readable line for whoever starts the process; a stack trace would bury it.
  process.stderr.write(`gateway: invalid configuration: ${error.problems.join('; ')}\n`);
  process.exit(1);
}

const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
try {
  const gateway = await startGateway(config, { logger });
  closeOnSignals(() => gateway.close(), logger);
} catch (error) {
  logger.error('failed to start', { error });
  process.stderr.write(
    `gateway: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
