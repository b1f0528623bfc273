export * from './payments-emulator.config.js';
export * from './server.js';
export * from './webhook.dispatcher.js';
export type { PaymentRecord, PaymentStatus, Transaction } from './payment.ledger.js';
export type { ScenarioName, MatchAttributes } from './scenario.registry.js';
export * from './webhook.receiver.js';
