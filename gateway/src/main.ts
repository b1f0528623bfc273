import { runService } from '@bloom/kernel';
import { loadGatewayConfig } from './gateway.config.js';
import { buildGateway } from './gateway.server.js';

// @apollo/gateway sends usage metrics to Apollo's servers unless this variable (which it reads
// itself) says not to: the platform's traffic figures are nobody else's.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
await runService('gateway', process.env, loadGatewayConfig, buildGateway);
