import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerHeaders, customerCaller, dataOf, expectUnion, gqlRequest } from '@bloom/testing';
import { graphql } from './generated/index.js';
import type { WriteGiftCardInput } from './generated/graphql.js';
import {
  type GiftcardsHarness,
  type LineIds,
  WRITE,
  newId,
  startGiftcards,
} from './giftcards.harness.js';

let h: GiftcardsHarness;
beforeAll(async () => {
  h = await startGiftcards('cards', { CARD_GUESS_LIMIT_PER_CLIENT_CARD: '5' });
});
afterAll(async () => h.close());

/** A customer whose id the test reads (customerCaller's is optional in its type). */
const buyer = (userId = newId()) => ({ ...customerCaller(userId), userId });

async function orderFor<const P extends readonly string[]>(customerId: string, products: P) {
  const order = await h.placeOrder({
    customerId,
    products: products.map((productId) => ({ productId, flowerId: 1 })),
  });
  await h.projected(order.orderId, 'PENDING');
  // placeOrder keeps one line id per product, in order.
  return { orderId: order.orderId, lineIds: order.lineIds as LineIds<P> };
}

async function write(caller: { userId: string }, input: WriteGiftCardInput) {
  const res = await h.call(WRITE, { i: input }, caller);
  expect(res.errors).toBeUndefined();
  return dataOf(res).writeGiftCard;
}

/** A write expected to succeed: its card and share link. */
const writeShare = async (caller: { userId: string }, input: WriteGiftCardInput) =>
  expectUnion(await write(caller, input), 'GiftCardShare');

const SHARED = graphql(`
  query SharedCard($id: ID!, $s: String!) {
    sharedCard(id: $id, secret: $s) {
      __typename
      ... on SharedGiftCard {
        id
        message
        fromName
        template {
          key
          imageUrl
        }
      }
      ...SharedCardRefusalFields
    }
  }
`);
const CARD_FOR_LINE = graphql(`
  query GiftCardForOrderLine($l: ID!) {
    giftCardForOrderLine(orderLineId: $l) {
      id
      message
    }
  }
`);
const CARD_ID_FOR_LINE = graphql(`
  query GiftCardIdForOrderLine($l: ID!) {
    giftCardForOrderLine(orderLineId: $l) {
      id
    }
  }
`);
const EDIT = graphql(`
  mutation EditGiftCard($i: EditGiftCardInput!) {
    editGiftCard(input: $i) {
      __typename
      ... on GiftCard {
        message
        template {
          key
        }
      }
      ... on UserError {
        code
      }
    }
  }
`);
const EDITABLE = graphql(`
  query GiftCardEditable($id: ID!) {
    giftCard(id: $id) {
      editable
    }
  }
`);
const RENEW = graphql(`
  mutation RenewGiftCardLink($id: ID!) {
    renewGiftCardLink(id: $id) {
      __typename
      ... on GiftCardShare {
        shareSecret
      }
    }
  }
`);
const TEMPLATES = graphql(`
  query CardTemplates {
    cardTemplates {
      key
      color
      design
      name
      imageUrl
    }
  }
`);
const PINK_TEMPLATES = graphql(`
  query PinkCardTemplates {
    cardTemplates(color: PINK) {
      key
    }
  }
`);
const ENTITIES = graphql(`
  query GiftCardEntities($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on GiftCard {
        id
        message
      }
    }
  }
`);

describe('writing a card', () => {
  it('writes one card for an own order line, with a share link, and announces it', async () => {
    const me = buyer();
    const { orderId, lineIds } = await orderFor(me.userId, ['p-rose']);
    const answer = await write(me, {
      orderLineId: lineIds[0],
      templateKey: 'PINK_03',
      message: '  생일 축하해!\r\n사랑해 \u0007 ',
      fromName: ' 민지 ',
    });
    expect(answer.__typename).toBe('GiftCardShare');
    const written = expectUnion(answer, 'GiftCardShare');
    expect(written.card).toMatchObject({
      orderLineId: lineIds[0],
      orderId,
      message: '생일 축하해!\n사랑해',
      fromName: '민지',
      template: { key: 'PINK_03', imageUrl: `${h.baseUrl}/templates/PINK_03.svg` },
    });
    expect(written.shareSecret).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(written.shareUrl).toBe(`${h.baseUrl}/cards/${written.card.id}?s=${written.shareSecret}`);

    const [event] = await h.events.waitForType('giftcards.card.written');
    expect(event?.payload).toEqual({
      cardId: written.card.id,
      orderId,
      orderLineId: lineIds[0],
      customerId: me.userId,
    });

    const mine = await h.call(CARD_FOR_LINE, { l: lineIds[0] }, me);
    expect(mine.data?.giftCardForOrderLine).toEqual({
      id: written.card.id,
      message: '생일 축하해!\n사랑해',
    });
    const other = await h.call(CARD_ID_FOR_LINE, { l: lineIds[0] }, buyer());
    expect(other.data?.giftCardForOrderLine).toBeNull();
  });

  it("refuses someone else's line exactly like an unknown one", async () => {
    const owner = buyer();
    const { lineIds } = await orderFor(owner.userId, ['p-rose']);
    const stranger = await write(buyer(), { orderLineId: lineIds[0], message: 'hi' });
    const unknown = await write(owner, { orderLineId: `${newId()}:nope`, message: 'hi' });
    expect(stranger).toEqual(unknown);
    expect(stranger).toMatchObject({ code: 'ORDER_LINE_NOT_FOUND' });
  });

  it('keeps one card per line when many writes race', async () => {
    const me = buyer();
    const { lineIds } = await orderFor(me.userId, ['p-rose']);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        write(me, { orderLineId: lineIds[0], message: `try ${i}` }),
      ),
    );
    const written = results.filter((r) => r.__typename === 'GiftCardShare');
    const refused = results.filter((r) => r.__typename === 'GiftCardExistsError');
    expect(written).toHaveLength(1);
    expect(refused).toHaveLength(7);
    const [winner] = written;
    for (const r of refused) expect(r.cardId).toBe(winner?.card.id);
  });

  it('validates length, emptiness and the template', async () => {
    const me = buyer();
    const { lineIds } = await orderFor(me.userId, ['p-rose']);
    const long = await write(me, { orderLineId: lineIds[0], message: '가'.repeat(201) });
    expect(long).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'message',
      code: 'MESSAGE_TOO_LONG',
    });
    const empty = await write(me, { orderLineId: lineIds[0], message: ' \n\u200B ' });
    expect(empty).toMatchObject({ code: 'MESSAGE_REQUIRED' });
    const design = await write(me, {
      orderLineId: lineIds[0],
      message: 'ok',
      templateKey: 'RED_01',
    });
    expect(design).toMatchObject({ code: 'UNKNOWN_TEMPLATE' });
    // Exactly the limit, counted in characters (an emoji is one).
    const fits = await write(me, { orderLineId: lineIds[0], message: `${'꽃'.repeat(199)}🌷` });
    expect(fits.__typename).toBe('GiftCardShare');
  });
});

describe('the order line decides', () => {
  it('allows editing until shipping, writing until delivery, nothing after', async () => {
    const me = buyer();
    const { orderId, lineIds } = await orderFor(me.userId, ['p-a', 'p-b', 'p-c']);
    const first = await writeShare(me, { orderLineId: lineIds[0], message: '첫 카드' });
    await h.moveOrder(orderId, me.userId, 'CONFIRMED');
    await h.moveOrder(orderId, me.userId, 'PREPARING');
    await h.projected(orderId, 'PREPARING');
    const editable = async () =>
      dataOf(await h.call(EDITABLE, { id: first.card.id }, me)).giftCard?.editable;
    expect(await editable()).toBe(true);
    const edited = await h.call(
      EDIT,
      { i: { id: first.card.id, message: '고친 카드', templateKey: 'BLUE_02' } },
      me,
    );
    expect(edited.data?.editGiftCard).toEqual({
      __typename: 'GiftCard',
      message: '고친 카드',
      template: { key: 'BLUE_02' },
    });
    const notMine = await h.call(EDIT, { i: { id: first.card.id, message: 'x' } }, buyer());
    expect(notMine.data?.editGiftCard).toMatchObject({ code: 'GIFT_CARD_NOT_FOUND' });

    await h.moveOrder(orderId, me.userId, 'SHIPPING');
    await h.projected(orderId, 'SHIPPING');
    const locked = await h.call(EDIT, { i: { id: first.card.id, message: '늦은 수정' } }, me);
    expect(locked.data?.editGiftCard).toEqual({
      __typename: 'CardLockedError',
      code: 'ORDER_SHIPPING',
    });
    expect(await editable()).toBe(false);
    // A new card is still possible while the flowers are on their way (the link is digital).
    expect((await write(me, { orderLineId: lineIds[1], message: '가는 중' })).__typename).toBe(
      'GiftCardShare',
    );

    await h.moveOrder(orderId, me.userId, 'DELIVERED');
    await h.projected(orderId, 'DELIVERED');
    const late = await write(me, { orderLineId: lineIds[2], message: '너무 늦음' });
    expect(late).toMatchObject({ __typename: 'CardNotAllowedError', code: 'ORDER_DELIVERED' });
  });

  it('refuses canceled orders, and events out of order never move the state back', async () => {
    const me = buyer();
    const { orderId, lineIds } = await orderFor(me.userId, ['p-rose']);
    await h.moveOrder(orderId, me.userId, 'CANCELED');
    await h.projected(orderId, 'CANCELED');
    await h.moveOrder(orderId, me.userId, 'CONFIRMED');
    await h.projected(orderId, 'CONFIRMED');
    const refused = await write(me, { orderLineId: lineIds[0], message: '취소됨' });
    expect(refused).toMatchObject({ __typename: 'CardNotAllowedError', code: 'ORDER_CANCELED' });
  });
});

describe('share link', () => {
  it('opens with the secret; unknown card, wrong and malformed secrets look the same', async () => {
    const me = buyer();
    const { lineIds } = await orderFor(me.userId, ['p-rose']);
    const { card, shareSecret } = await writeShare(me, {
      orderLineId: lineIds[0],
      message: '<script>alert("x")</script>\n꽃 & 마음',
      fromName: '<b>수진</b>',
      templateKey: 'YELLOW_04',
    });
    const anonymous = { kind: 'anonymous' as const };
    const opened = await h.call(SHARED, { id: card.id, s: shareSecret }, anonymous);
    expect(opened.data?.sharedCard).toMatchObject({
      __typename: 'SharedGiftCard',
      id: card.id,
      message: '<script>alert("x")</script>\n꽃 & 마음',
      fromName: '<b>수진</b>',
      template: { key: 'YELLOW_04' },
    });
    const wrong = await h.call(SHARED, { id: card.id, s: 'AAAAAAAAAAAA' }, anonymous);
    const unknown = await h.call(SHARED, { id: newId(), s: shareSecret }, anonymous);
    const malformed = await h.call(SHARED, { id: 'not-an-id', s: '<>' }, anonymous);
    expect(wrong.data?.sharedCard).toMatchObject({ code: 'CARD_UNAVAILABLE' });
    expect(unknown).toEqual(wrong);
    expect(malformed).toEqual(wrong);

    // The recipient's page: escaped text, line breaks kept by CSS, no caching of the secret URL.
    const page = await fetch(`${h.baseUrl}/cards/${card.id}?s=${shareSecret}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\n꽃 &amp; 마음');
    expect(html).toContain('&lt;b&gt;수진&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('/templates/YELLOW_04.svg');
    const pathForm = await fetch(`${h.baseUrl}/cards/${card.id}/${shareSecret}`);
    expect(pathForm.status).toBe(200);

    const bad = await fetch(`${h.baseUrl}/cards/${card.id}?s=AAAAAAAAAAAA`);
    const none = await fetch(`${h.baseUrl}/cards/${newId()}?s=${shareSecret}`);
    expect(bad.status).toBe(404);
    expect(none.status).toBe(404);
    expect(await bad.text()).toBe(await none.text());
  });

  it('limits guesses per client and card, never per card alone; a new window resets', async () => {
    const me = buyer();
    const { lineIds } = await orderFor(me.userId, ['p-rose']);
    const { card, shareSecret } = await writeShare(me, {
      orderLineId: lineIds[0],
      message: '추측 금지',
    });
    // Many guesses at once from one account: only 5 (the per-client-and-card limit) are checked.
    const guesser = buyer();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gqlRequest(
          h.server.url,
          SHARED,
          { id: card.id, s: `WRONGSECRET${i % 10}` },
          callerHeaders(guesser),
        ),
      ),
    );
    const kinds = guesses.map((g) => g.data?.sharedCard.__typename);
    expect(kinds.filter((k) => k === 'CardUnavailableError')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'ShareLinkRateLimitedError')).toHaveLength(15);
    // That guesser waits for the next window even with the right secret...
    const blocked = await h.call(SHARED, { id: card.id, s: shareSecret }, guesser);
    expect(blocked.data?.sharedCard.__typename).toBe('ShareLinkRateLimitedError');
    // ...but the recipient's page opens at once.
    const page = await fetch(`${h.baseUrl}/cards/${card.id}?s=${shareSecret}`);
    expect(page.status).toBe(200);

    h.advance(10 * 60_000);
    const later = await h.call(SHARED, { id: card.id, s: shareSecret }, guesser);
    expect(later.data?.sharedCard.__typename).toBe('SharedGiftCard');
    // Successful opens give their slot back: the recipient can reopen the card freely.
    for (let i = 0; i < 8; i++) {
      const again = await fetch(`${h.baseUrl}/cards/${card.id}?s=${shareSecret}`);
      expect(again.status).toBe(200);
    }
  });

  it('limits guesses per client address across cards', async () => {
    // Per-client limit 30 by default: 31 guesses at different cards from this test's address,
    // all inside one 10-minute window (start just after a window boundary).
    const windowMs = 10 * 60_000;
    h.advance(windowMs - (h.now().getTime() % windowMs) + 1_000);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await fetch(`${h.baseUrl}/cards/${newId()}?s=AAAAAAAAAAAA`)).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404 || s === 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    h.advance(10 * 60_000);
  });

  it('renewing the link retires the old secret', async () => {
    const me = buyer();
    const { lineIds } = await orderFor(me.userId, ['p-rose']);
    const { card, shareSecret } = await writeShare(me, {
      orderLineId: lineIds[0],
      message: '새 링크',
    });
    const renewed = await h.call(RENEW, { id: card.id }, me);
    const fresh = expectUnion(renewed.data?.renewGiftCardLink, 'GiftCardShare').shareSecret;
    expect(fresh).not.toBe(shareSecret);
    const old = await h.call(SHARED, { id: card.id, s: shareSecret }, { kind: 'anonymous' });
    expect(old.data?.sharedCard).toMatchObject({ code: 'CARD_UNAVAILABLE' });
    const now = await h.call(SHARED, { id: card.id, s: fresh }, { kind: 'anonymous' });
    expect(now.data?.sharedCard.__typename).toBe('SharedGiftCard');
  });
});

describe('templates and federation', () => {
  it('lists the designs by colour, each with a served, cacheable SVG', async () => {
    const all = await h.call(TEMPLATES);
    const templates = dataOf(all).cardTemplates;
    const count = (color: string) => templates.filter((t) => t.color === color).length;
    expect([
      count('MIX'),
      count('PINK'),
      count('PURPLE'),
      count('YELLOW'),
      count('BLUE'),
      count('WHITE'),
    ]).toEqual([9, 9, 6, 6, 5, 6]);
    const pink = await h.call(PINK_TEMPLATES);
    expect(pink.data?.cardTemplates).toHaveLength(9);

    const svg = await fetch(`${h.baseUrl}/templates/PINK_03.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.headers.get('cache-control')).toContain('max-age=');
    const etag = svg.headers.get('etag') ?? expect.unreachable('no etag on the template');
    expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 600 840"/);
    const again = await fetch(`${h.baseUrl}/templates/PINK_03.svg`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${h.baseUrl}/templates/PINK_10.svg`)).status).toBe(404);
    // Every design draws differently.
    const bodies = await Promise.all(
      templates.map(async (t) => (await fetch(`${h.baseUrl}/templates/${t.key}.svg`)).text()),
    );
    expect(new Set(bodies).size).toBe(templates.length);
  });

  it('resolves GiftCard references for their buyer in one batch', async () => {
    const me = buyer();
    const { lineIds } = await orderFor(me.userId, ['p-x', 'p-y']);
    const a = await writeShare(me, { orderLineId: lineIds[0], message: 'A' });
    const b = await writeShare(me, { orderLineId: lineIds[1], message: 'B' });
    const reps = [a, b].map((w) => ({ __typename: 'GiftCard', id: w.card.id }));
    const res = await h.call(ENTITIES, { r: reps }, me);
    expect(res.data?._entities).toEqual([
      { id: a.card.id, message: 'A' },
      { id: b.card.id, message: 'B' },
    ]);
    const stranger = await h.call(ENTITIES, { r: reps }, buyer());
    expect(stranger.data?._entities).toEqual([null, null]);
  });
});
