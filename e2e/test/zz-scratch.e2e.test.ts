import { ADMIN_ACCOUNT, gqlRequest } from '@bloom/testing';
import { afterAll, beforeAll, it } from 'vitest';
import { customerToken, skyGardenSeller } from '../src/actors.js';
import { SUBGRAPHS, type System, startSystem } from '../src/system.harness.js';

let sys: System;
let customer = '';
let seller = '';
let storeId = '';
let admin = '';
beforeAll(async () => {
  const t0 = Date.now();
  sys = await startSystem([...SUBGRAPHS], { API_KEY_RATE_LIMIT_PER_MINUTE: '1000000' });
  customer = await customerToken(sys, 'scratch@bloom.test');
  const s = await skyGardenSeller(sys);
  seller = s.token;
  storeId = s.storeId;
  admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  console.log('startup ms', Date.now() - t0);
}, 120_000);
afterAll(async () => sys?.close());

const h = (t: string) => ({ authorization: `Bearer ${t}` });
it('probes', async () => {
  const probes: [string, string, Record<string, unknown>, string][] = [
    ['phone null', 'mutation { updateProfile(input:{phone:null}) { __typename } }', {}, customer],
    ['addr detail null', 'mutation { saveAddress(input:{label:"a",recipientName:"b",phone:"010-1234-5678",zipCode:"04066",street:"s",detail:null}) { __typename } }', {}, customer],
    ['signup phone null', 'mutation { signUp(input:{email:"n1@bloom.test",password:"flowers123",name:"n",phone:null}) { __typename } }', {}, ''],
    ['giftcard fromName null', 'mutation { writeGiftCard(input:{orderLineId:"aaaaaaaaaaaaaaaaaaaaaaaa",message:"m",fromName:null}) { __typename } }', {}, customer],
    ['myOrders cursor', 'query { myOrders(after:"WzEsInp6Il0") { totalCount } }', {}, customer],
    ['storeOrders cursor', `query { storeOrders(storeId:"${'STORE'}", after:"WzEsInp6Il0") { totalCount } }`, {}, 'seller'],
    ['users cursor', 'query { users(after:"WzEsInp6Il0") { totalCount } }', {}, 'admin'],
    ['sellerApps cursor', 'query { sellerApplications(after:"WzEsInp6Il0") { totalCount } }', {}, 'admin'],
    ['notices cursor', 'query { notices(after:"WzEsInp6Il0") { totalCount } }', {}, customer],
    ['inventoryHistory cursor', 'query { inventoryHistory(after:"WzEsInp6Il0") { totalCount } }', {}, 'seller'],
    ['myOrders to ""', 'query { myOrders(filter:{to:""}) { totalCount } }', {}, customer],
    ['myOrders to "" var', 'query Q($f: OrderFilter) { myOrders(filter:$f) { totalCount } }', { f: { to: '' } }, customer],
    ['checkoutQuote slot', 'query Q($i: CheckoutQuoteInput!) { checkoutQuote(input:$i) { __typename } }', { i: { fulfilment: 'PICKUP', pickupSlots: [{ storeId: 'aaaaaaaaaaaaaaaaaaaaaaaa', startsAt: 'not-a-date' }] } }, customer],
    ['createCoupon feb30', `mutation Q($i: CreateCouponInput!, $s: ID!) { createCoupon(storeId:$s, input:$i) { __typename } }`, { s: 'STORE', i: { name: 'c', code: 'CODE1', discountAmount: 1000, minOrderAmount: 0, startsAt: '2024-02-01T00:00:00Z', endsAt: '2024-02-30T00:00:00Z', issueLimit: 10 } }, 'seller'],
  ];
  for (const [name, q, v, who] of probes) {
    const token = who === 'seller' ? seller : who === 'admin' ? admin : who;
    const query = q.replace('STORE', storeId);
    const vars = JSON.parse(JSON.stringify(v).replace('STORE', storeId)) as Record<string, unknown>;
    const r = await gqlRequest(sys.gatewayUrl, query, vars, token ? h(token) : {});
    console.log(name, JSON.stringify(r).slice(0, 600));
  }
  const raw = async (name: string, init: RequestInit, url = sys.gatewayUrl) => {
    const r = await fetch(url, init);
    console.log(name, r.status, (await r.text()).slice(0, 400));
  };
  const json = { 'content-type': 'application/json' };
  await raw('two ops', { method: 'POST', headers: json, body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }) });
  await raw('apq wrong hash', { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }) });
  await raw('apq wrong version', { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }) });
  await raw('apq no query', { method: 'POST', headers: json, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }) });
}, 120_000);
