export * from './events/identity.events.js';
