import { runService } from '@bloom/kernel';
import { loadIdentityConfig } from './identity.config.js';
import { buildServer } from './server.js';

await runService('identity', process.env, loadIdentityConfig, buildServer);
