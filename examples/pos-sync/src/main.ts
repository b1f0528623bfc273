import { createBloomClient } from '@bloom/sdk';
import { loadPosSyncConfig } from './pos-sync.config.js';
import { PosSync } from './pos-sync.service.js';
import { startWebhookReceiver } from './webhook.receiver.js';

/*
 * npm run -w @bloom/example-pos-sync start  (BLOOM_API_KEY=… ; against `npm start`)
 * Syncs the catalogue, registers the webhook endpoint and prints order events as they come.
 * `-- --order <productId>` also places a delivery phone order for tomorrow.
 */
const config = loadPosSyncConfig(process.env);
const client = createBloomClient({
  url: config.BLOOM_GRAPHQL_URL,
  apiKey: config.BLOOM_API_KEY,
  userAgent: 'bloom-pos-sync/1',
});
const pos = new PosSync(client);

const count = await pos.syncCatalog(config.POS_STORE_ID);
console.log(`catalogue: ${count} products`);
for (const product of [...pos.catalog.values()].slice(0, 10)) {
  console.log(`  ${product.id}  ${product.name}  ${product.price.toLocaleString('ko-KR')}원`);
}

const receiver = await startWebhookReceiver({
  host: config.POS_WEBHOOK_HOST,
  port: config.POS_WEBHOOK_PORT,
  path: '/bloom-webhooks',
  secrets: pos.signingSecrets,
  onEvent: (event) => {
    pos.onEvent(event);
    console.log(`webhook: ${event.type} ${JSON.stringify(event.payload)}`);
  },
});
const endpointId = await pos.connectWebhooks(config.POS_WEBHOOK_URL ?? receiver.url);
console.log(`webhooks: ${receiver.url} (endpoint ${endpointId})`);

const orderFlag = process.argv.indexOf('--order');
const productId = orderFlag >= 0 ? process.argv[orderFlag + 1] : undefined;
if (productId) {
  const tomorrow = new Date(Date.now() + 33 * 3_600_000).toISOString().slice(0, 10);
  const ids = await pos.placeDeliveryOrder(productId, 1, {
    recipientName: '김수진',
    phone: '01012345678',
    zipCode: '04524',
    street: '서울 중구 세종대로 110',
    deliveryDate: tomorrow,
    window: '10:00-13:00',
    anonymous: false,
  });
  console.log(`placed: ${ids.join(', ')}`);
}

const stop = () => {
  void receiver.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
