import { runService } from '@bloom/kernel';
import { loadGatewayConfig } from './gateway.config.js';
import { buildGateway } from './gateway.server.js';

await runService('gateway', process.env, loadGatewayConfig, buildGateway);
