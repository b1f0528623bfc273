import { runService } from '@bloom/kernel';
import { loadStoresConfig } from './stores.config.js';
import { buildServer } from './server.js';

await runService('stores', process.env, loadStoresConfig, buildServer);
