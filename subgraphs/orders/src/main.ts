import { runService } from '@bloom/kernel';
import { loadOrdersConfig } from './orders.config.js';
import { buildServer } from './server.js';

await runService('orders', process.env, loadOrdersConfig, buildServer);
