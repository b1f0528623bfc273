export * from './webhooks-emulator.config.js';
export * from './webhooks-emulator.server.js';
