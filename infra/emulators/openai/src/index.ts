export * from './openai-emulator.server.js';
export * from './openai-emulator.config.js';
export * from './structured.answers.js';
