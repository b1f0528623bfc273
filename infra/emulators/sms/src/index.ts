export * from './sms-emulator.server.js';
export * from './sms-emulator.config.js';
