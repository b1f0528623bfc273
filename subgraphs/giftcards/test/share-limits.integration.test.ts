import type { Caller } from '@bloom/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerCaller, dataOf, expectUnion } from '@bloom/testing';
import { graphql } from './generated/index.js';
import { type GiftcardsHarness, WRITE, newId, startGiftcards } from './giftcards.harness.js';

/**
 * Guess limits of the share link: per client and card, per client across cards, never per card
 * alone. Limits are the defaults (10 per client and card, 30 per client, 10-minute windows).
 */
let h: GiftcardsHarness;
let pairLimit: number;
let clientLimit: number;
beforeAll(async () => {
  h = await startGiftcards('share-limits');
  pairLimit = h.config.CARD_GUESS_LIMIT_PER_CLIENT_CARD;
  clientLimit = h.config.CARD_GUESS_LIMIT_PER_CLIENT;
});
afterAll(async () => h.close());

const OPEN = graphql(`
  query ShareLimitsOpen($id: ID!, $s: String!) {
    sharedCard(id: $id, secret: $s) {
      __typename
      ... on SharedGiftCard {
        id
        message
      }
      ...SharedCardRefusalFields
    }
  }
`);

const WINDOW_MS = 10 * 60_000;
/** Well-formed, and never anyone's secret (secrets are random). */
const wrong = (n = 0) => `WRONGSECRET${n % 10}`;

let hosts = 0;
/** An address no other client of this file has used. */
const nextAddress = () => {
  hosts += 1;
  return `198.51.${100 + (hosts >> 8)}.${hosts & 255}`;
};
/** A new anonymous visitor, as the gateway would sign it: its own address. */
const visitor = (): Partial<Caller> => ({ kind: 'anonymous', clientAddress: nextAddress() });
/** A signed-in customer, from a new address. */
const signedIn = (userId: string): Partial<Caller> => ({
  ...customerCaller(userId),
  clientAddress: nextAddress(),
});

/** Every test starts at the beginning of a window, so none straddles two. */
function freshWindow() {
  h.advance(WINDOW_MS - (h.now().getTime() % WINDOW_MS) + 1_000);
}

async function open(id: string, secret: string, caller: Partial<Caller>) {
  return dataOf(await h.call(OPEN, { id, s: secret }, caller)).sharedCard;
}

const kindsOf = (answers: { __typename: string }[]) => ({
  unavailable: answers.filter((a) => a.__typename === 'CardUnavailableError').length,
  limited: answers.filter((a) => a.__typename === 'ShareLinkRateLimitedError').length,
  other: answers.filter(
    (a) => a.__typename !== 'CardUnavailableError' && a.__typename !== 'ShareLinkRateLimitedError',
  ).length,
});

/** A written card of a fresh order: its id and share secret. */
async function newCard() {
  const customerId = newId();
  const order = await h.placeOrder({
    customerId,
    products: [{ productId: 'p-rose', flowerId: 1 }],
  });
  await h.projected(order.orderId, 'PENDING');
  const res = await h.call(
    WRITE,
    { i: { orderLineId: order.lineIds[0], message: '한도 시험' } },
    customerCaller(customerId),
  );
  const { card, shareSecret } = expectUnion(dataOf(res).writeGiftCard, 'GiftCardShare');
  return { id: card.id, secret: shareSecret };
}

/** Flips the case of every other letter: the same ObjectId, another string. */
const mixedCase = (id: string) =>
  [...id].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');

const attempts = () => h.db.collection('share_attempts');

describe('share-link guess limits', () => {
  it('counts every spelling of a card id against one budget', async () => {
    freshWindow();
    const card = await newCard();
    const me = visitor();
    const spellings = [card.id, card.id.toUpperCase(), mixedCase(card.id)];
    expect(new Set(spellings).size).toBe(3);
    for (let i = 0; i < pairLimit; i++) {
      const answer = await open(spellings[i % 3] ?? card.id, wrong(i), me);
      expect(answer.__typename).toBe('CardUnavailableError');
    }
    // The budget is spent whichever way the id is written.
    for (const id of spellings) {
      expect((await open(id, wrong(), me)).__typename).toBe('ShareLinkRateLimitedError');
    }
    // Others open it under any spelling, and always see the one canonical id.
    const other = visitor();
    for (const id of spellings) {
      expect(await open(id, card.secret, other)).toMatchObject({
        __typename: 'SharedGiftCard',
        id: card.id,
      });
    }
  });

  it('refuses a locked-out client even the right secret until the window ends; a right secret costs nothing', async () => {
    freshWindow();
    const card = await newCard();
    const me = visitor();
    for (let i = 0; i < pairLimit; i++) {
      expect((await open(card.id, wrong(i), me)).__typename).toBe('CardUnavailableError');
    }
    // Otherwise the refusal would tell a guesser which of its guesses was right.
    const refused = await open(card.id, card.secret, me);
    expect(refused.__typename).toBe('ShareLinkRateLimitedError');
    const retryAfter =
      refused.__typename === 'ShareLinkRateLimitedError' ? refused.retryAfterSeconds : 0;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);

    h.advance(retryAfter * 1000);
    // A right secret gives its slot back: opening more often than the budget is fine.
    for (let i = 0; i < pairLimit + 2; i++) {
      expect((await open(card.id, card.secret, me)).__typename).toBe('SharedGiftCard');
    }
    // ...and the wrong guesses of the new window are counted afresh.
    expect((await open(card.id, wrong(), me)).__typename).toBe('CardUnavailableError');
  });

  it('never locks the recipient out, however many others guess wrong', async () => {
    freshWindow();
    const card = await newCard();
    // Three addresses and an account each spend their whole budget on this card.
    const guessers = [visitor(), visitor(), visitor(), signedIn(newId())];
    const answers = await Promise.all(
      guessers.map(async (guesser) => {
        const mine = [];
        for (let i = 0; i < pairLimit; i++) mine.push(await open(card.id, wrong(i), guesser));
        return mine;
      }),
    );
    expect(kindsOf(answers.flat())).toEqual({
      unavailable: guessers.length * pairLimit,
      limited: 0,
      other: 0,
    });
    for (const guesser of guessers) {
      expect((await open(card.id, card.secret, guesser)).__typename).toBe(
        'ShareLinkRateLimitedError',
      );
    }
    // The recipient, from elsewhere, opens it at once, through GraphQL and on the web page.
    expect(await open(card.id, card.secret, visitor())).toMatchObject({
      __typename: 'SharedGiftCard',
      id: card.id,
      message: '한도 시험',
    });
    const page = await fetch(`${h.baseUrl}/cards/${card.id.toUpperCase()}?s=${card.secret}`);
    expect(page.status).toBe(200);
  });

  it('caps a client across cards, by address and by account', async () => {
    freshWindow();
    const card = await newCard();
    const me = visitor();
    // One guess at each of many cards (unknown ids count like real ones).
    const spread = await Promise.all(
      Array.from({ length: clientLimit }, (_, i) => open(newId(), wrong(i), me)),
    );
    expect(kindsOf(spread)).toEqual({ unavailable: clientLimit, limited: 0, other: 0 });
    expect((await open(newId(), wrong(), me)).__typename).toBe('ShareLinkRateLimitedError');
    expect((await open(card.id, card.secret, me)).__typename).toBe('ShareLinkRateLimitedError');
    expect((await open(card.id, card.secret, visitor())).__typename).toBe('SharedGiftCard');

    // An account does not get a new budget by moving to another address.
    const account = newId();
    const fromAddresses = await Promise.all(
      Array.from({ length: clientLimit }, (_, i) => open(newId(), wrong(i), signedIn(account))),
    );
    expect(kindsOf(fromAddresses)).toEqual({ unavailable: clientLimit, limited: 0, other: 0 });
    const moved = await open(newId(), wrong(), signedIn(account));
    expect(moved.__typename).toBe('ShareLinkRateLimitedError');
  });

  it('treats the spellings of one address, and one IPv6 /64, as one client', async () => {
    freshWindow();
    const card = await newCard();
    const spellings = ['203.0.113.77', '::ffff:203.0.113.77', '::ffff:cb00:714d'];
    const host = (n: number) => `2001:db8:77:1::${n.toString(16)}`;
    for (let i = 0; i < pairLimit; i++) {
      const v4 = { kind: 'anonymous' as const, clientAddress: spellings[i % 3] };
      const v6 = { kind: 'anonymous' as const, clientAddress: host(i + 1) };
      expect((await open(card.id, wrong(i), v4)).__typename).toBe('CardUnavailableError');
      expect((await open(card.id, wrong(i), v6)).__typename).toBe('CardUnavailableError');
    }
    for (const clientAddress of [...spellings, host(0xffff), '2001:db8:77:1:aaaa:bbbb:cccc:dddd']) {
      const answer = await open(card.id, wrong(), { kind: 'anonymous', clientAddress });
      expect(answer.__typename).toBe('ShareLinkRateLimitedError');
    }
    // The next /64 is another client.
    const neighbour = { kind: 'anonymous' as const, clientAddress: '2001:db8:77:2::1' };
    expect((await open(card.id, wrong(), neighbour)).__typename).toBe('CardUnavailableError');
  });

  it('refuses ids that are no card id before the limiter, with the wrong secret’s answer', async () => {
    freshWindow();
    const card = await newCard();
    const me = visitor();
    const wrongAnswer = await open(card.id, wrong(), me);
    expect(wrongAnswer).toMatchObject({
      __typename: 'CardUnavailableError',
      code: 'CARD_UNAVAILABLE',
      message: 'This card link is not valid. Check the link you received.',
    });
    const before = await attempts().countDocuments();
    const malformed = [
      'not-an-id',
      'abcdefghijkl', // 12 characters: ObjectId.isValid says yes
      `${card.id}0`,
      ` ${card.id}`,
      'g'.repeat(24),
      'x'.repeat(500),
    ];
    for (const id of malformed) {
      expect(await open(id, card.secret, me)).toEqual(wrongAnswer);
    }
    // A secret that cannot be one (a typo of the wrong length) spends nothing either.
    expect(await open(card.id, `${card.secret}x`, me)).toEqual(wrongAnswer);
    expect(await attempts().countDocuments()).toBe(before);
  });

  it('counts exactly the budget when one client guesses concurrently', async () => {
    freshWindow();
    const card = await newCard();
    const me = visitor();
    // 50 guesses at once at one card: exactly the per-card budget is checked.
    const atOnce = await Promise.all(
      Array.from({ length: 50 }, (_, i) => open(card.id, wrong(i), me)),
    );
    expect(kindsOf(atOnce)).toEqual({ unavailable: pairLimit, limited: 50 - pairLimit, other: 0 });
    // The refused ones gave back what they held: the records are exactly the budget.
    expect(await attempts().countDocuments({ key: { $regex: `:${card.id}$` } })).toBe(pairLimit);

    // 50 guesses at once at 50 cards from another client: exactly the per-client budget.
    const other = visitor();
    const spread = await Promise.all(
      Array.from({ length: 50 }, (_, i) => open(newId(), wrong(i), other)),
    );
    expect(kindsOf(spread)).toEqual({
      unavailable: clientLimit,
      limited: 50 - clientLimit,
      other: 0,
    });
    // Neither burst touched a third client's budget for the card.
    expect((await open(card.id, card.secret, visitor())).__typename).toBe('SharedGiftCard');
  });

  it('admits exactly the limit when 50 claims reach the limiter at the same instant', async () => {
    // Straight to the limiter, without the request handling that staggers GraphQL calls.
    const { limiter } = h.server.deps;
    const pair = `race-pair:${newId()}`;
    const client = `race-client:${newId()}`;
    const claims = await Promise.all(
      Array.from({ length: 50 }, () =>
        limiter.claim([
          { key: pair, limit: 40 },
          { key: client, limit: 10 },
        ]),
      ),
    );
    expect(claims.filter((claim) => claim.ok)).toHaveLength(10);
    // A claim refused under the second rule gave back what it took under the first.
    expect(await attempts().countDocuments({ key: client })).toBe(10);
    expect(await attempts().countDocuments({ key: pair })).toBe(10);
  });
});

describe('the share page behind a trusted proxy', () => {
  let proxied: GiftcardsHarness;
  beforeAll(async () => {
    proxied = await startGiftcards('share-limits-proxy', { CARD_TRUST_FORWARDED_FOR: 'true' });
  });
  afterAll(async () => proxied.close());

  it('keys on the address the proxy appended, not on what the client sent before it', async () => {
    proxied.advance(WINDOW_MS - (proxied.now().getTime() % WINDOW_MS) + 1_000);
    const page = (forwardedFor: string) =>
      fetch(`${proxied.baseUrl}/cards/${newId()}?s=${wrong()}`, {
        headers: { 'x-forwarded-for': forwardedFor },
      }).then((res) => res.status);
    const limit = proxied.config.CARD_GUESS_LIMIT_PER_CLIENT;
    // One guess per card, each with a new made-up first entry: that buys no new budget.
    const statuses = await Promise.all(
      Array.from({ length: limit }, (_, i) => page(`10.9.${i >> 8}.${i & 255}, 192.0.2.50`)),
    );
    expect(statuses.every((status) => status === 404)).toBe(true);
    expect(await page('10.9.200.1, 192.0.2.50')).toBe(429);
    expect(await page('192.0.2.50')).toBe(429);
    expect(await page('10.9.0.1, 192.0.2.51')).toBe(404);
  });
});
