export * from './events/identity.events.js';
export * from './events/notifications.events.js';
export * from './events/stores.events.js';
export * from './events/orders.events.js';
export * from './events/products.events.js';
export * from './events/giftcards.events.js';
export * from './events/subscriptions.events.js';
export * from './events/audit.events.js';
