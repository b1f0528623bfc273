import { runService } from '@bloom/kernel';
import { loadProductsConfig } from './products.config.js';
import { buildServer } from './server.js';

await runService('products', process.env, loadProductsConfig, buildServer);
