import { runService } from '@bloom/kernel';
import { loadSubscriptionsConfig } from './subscriptions.config.js';
import { buildServer } from './server.js';

await runService('subscriptions', process.env, loadSubscriptionsConfig, buildServer);
