import { runService } from '@bloom/kernel';
import { loadNotificationsConfig } from './notifications.config.js';
import { buildServer } from './server.js';

await runService('notifications', process.env, loadNotificationsConfig, buildServer);
