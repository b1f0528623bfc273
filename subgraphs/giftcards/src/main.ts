import { runService } from '@bloom/kernel';
import { loadGiftcardsConfig } from './giftcards.config.js';
import { buildServer } from './server.js';

await runService('giftcards', process.env, loadGiftcardsConfig, buildServer);
