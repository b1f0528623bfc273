import 'reflect-metadata';

export * from './config/config.js';
export * from './logging/logger.js';
export * from './errors/errors.js';
export * from './caller/caller.js';
export * from './orm/orm.js';
export * from './orm/loader.js';
export * from './events/envelope.js';
export * from './events/event-bus.js';
export * from './events/processed-events.js';
export * from './events/outbox-relay.js';
export * from './server/apollo-http.js';
export * from './server/federated-schema.js';
export * from './server/subgraph-server.js';
export * from './graphql/user-error.types.js';
export * from './graphql/paging.js';
export * from './orm/document-locks.js';
export * from './orm/slots.js';
