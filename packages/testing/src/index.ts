export * from './env.js';
export * from './ports.js';
export * from './graphql-client.js';
export * from './database.js';
export * from './streams.js';
export * from './wait.js';
export * from './events.js';
export * from './queries.js';
