import {
  type EntityManager,
  InvalidInputError,
  isDuplicateKeyError,
  recordEvent,
  simpleError,
} from '@bloom/kernel';
import { cardWritten } from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import { type GiftcardsDeps, SOURCE } from '../giftcards.deps.js';
import { findLine } from '../orders/order-line.repository.js';
import { canEditCard, canWriteCard } from '../orders/order-line.state.js';
import { DEFAULT_TEMPLATE_KEY } from '../templates/template.catalog.js';
import { checkFromName, checkMessage, checkTemplate } from './card.rules.js';
import {
  CardLockedError,
  CardNotAllowedError,
  GiftCardExistsError,
  GiftCardNotFoundError,
  OrderLineNotFoundError,
} from './card.errors.js';
import { type EditGiftCardInput, GiftCardShare, type WriteGiftCardInput } from './card.types.js';
import { GiftCard } from './gift-card.entity.js';
import { parseCardId } from './card.id.js';
import { hashSecret, isSecretShaped, newShareSecret, secretMatches } from './share.secret.js';

export type OpenResult =
  | { kind: 'open'; card: GiftCard }
  | { kind: 'unavailable' }
  | { kind: 'limited'; retryAfterSeconds: number };

const lineNotFound = () =>
  simpleError(OrderLineNotFoundError, 'ORDER_LINE_NOT_FOUND', 'No such order line in your orders.');
const cardNotFound = () =>
  simpleError(GiftCardNotFoundError, 'GIFT_CARD_NOT_FOUND', 'No such card among yours.');

export class CardService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: GiftcardsDeps,
  ) {}

  shareUrl(card: GiftCard, secret: string): string {
    return `${this.deps.publicUrl()}/cards/${card._id.toHexString()}?s=${secret}`;
  }

  /** The buyer's one card for a line; a second writer gets the existing card's id back. */
  async write(
    customerId: string,
    input: WriteGiftCardInput,
    traceId: string,
  ): Promise<
    | GiftCardShare
    | InvalidInputError
    | OrderLineNotFoundError
    | CardNotAllowedError
    | GiftCardExistsError
  > {
    const message = checkMessage(input.message, this.deps.config.CARD_MESSAGE_MAX_LENGTH);
    if (message instanceof InvalidInputError) return message;
    const fromName = checkFromName(input.fromName);
    if (fromName instanceof InvalidInputError) return fromName;
    const templateKey = checkTemplate(input.templateKey ?? DEFAULT_TEMPLATE_KEY);
    if (templateKey instanceof InvalidInputError) return templateKey;

    // Someone else's line answers exactly like a missing one: ids reveal nothing.
    const known = await findLine(this.em, input.orderLineId);
    if (!known || known.line.customerId !== customerId) return lineNotFound();
    if (!canWriteCard(known.state)) {
      return simpleError(
        CardNotAllowedError,
        `ORDER_${known.state}`,
        'A card can no longer be written for this order line.',
      );
    }
    const now = this.deps.now();
    const secret = newShareSecret();
    const card = this.em.create(GiftCard, {
      orderLineId: known.line._id,
      orderId: known.line.orderId,
      customerId,
      templateKey,
      message,
      fromName: fromName || undefined,
      secretHash: hashSecret(secret),
      createdAt: now,
      updatedAt: now,
    });
    recordEvent(
      card,
      cardWritten,
      { source: SOURCE, subjectId: card._id.toHexString(), traceId, at: now },
      {
        cardId: card._id.toHexString(),
        orderId: card.orderId,
        orderLineId: card.orderLineId,
        customerId,
      },
    );
    try {
      await this.em.persistAndFlush(card);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Lost the race (or wrote twice): the unique orderLineId keeps one card per line.
      this.em.clear();
      const existing = await this.em.findOne(GiftCard, { orderLineId: known.line._id });
      return Object.assign(
        simpleError(
          GiftCardExistsError,
          'GIFT_CARD_EXISTS',
          'This order line already has a card; edit it instead.',
        ),
        { cardId: existing?.id ?? '' },
      );
    }
    this.deps.relay.kick(card);
    return Object.assign(new GiftCardShare(), {
      card,
      shareSecret: secret,
      shareUrl: this.shareUrl(card, secret),
    });
  }

  async edit(
    customerId: string,
    input: EditGiftCardInput,
  ): Promise<GiftCard | InvalidInputError | GiftCardNotFoundError | CardLockedError> {
    const card = await this.findOwn(customerId, input.id);
    if (!card) return cardNotFound();
    const known = await findLine(this.em, card.orderLineId);
    if (!known || !canEditCard(known.state)) {
      return simpleError(
        CardLockedError,
        `ORDER_${known?.state ?? 'UNKNOWN'}`,
        'The order has shipped; its card can no longer be changed.',
      );
    }
    if (input.message !== undefined) {
      const message = checkMessage(input.message, this.deps.config.CARD_MESSAGE_MAX_LENGTH);
      if (message instanceof InvalidInputError) return message;
      card.message = message;
    }
    if (input.fromName !== undefined) {
      const fromName = checkFromName(input.fromName);
      if (fromName instanceof InvalidInputError) return fromName;
      card.fromName = fromName || undefined;
    }
    if (input.templateKey !== undefined) {
      const templateKey = checkTemplate(input.templateKey);
      if (templateKey instanceof InvalidInputError) return templateKey;
      card.templateKey = templateKey;
    }
    // A compare-and-set on the card's revision: of two overlapping edits the later is refused.
    card.updatedAt = this.deps.now();
    await this.em.flush();
    return card;
  }

  /** A new secret replaces the old one: the old link stops working (e.g. sent to the wrong person). */
  async renewLink(customerId: string, id: string): Promise<GiftCardShare | GiftCardNotFoundError> {
    const card = await this.findOwn(customerId, id);
    if (!card) return cardNotFound();
    const secret = newShareSecret();
    card.secretHash = hashSecret(secret);
    card.updatedAt = this.deps.now();
    await this.em.flush();
    return Object.assign(new GiftCardShare(), {
      card,
      shareSecret: secret,
      shareUrl: this.shareUrl(card, secret),
    });
  }

  /** Whether the buyer may still change the card: its order has not shipped yet. */
  async isEditable(card: GiftCard): Promise<boolean> {
    const known = await findLine(this.em, card.orderLineId);
    return known !== null && canEditCard(known.state);
  }

  async findOwn(customerId: string, id: string): Promise<GiftCard | null> {
    const cardId = parseCardId(id);
    if (cardId === null) return null;
    const card = await this.em.findOne(GiftCard, { _id: new ObjectId(cardId) });
    return card && card.customerId === customerId ? card : null;
  }

  async findForLine(customerId: string, orderLineId: string): Promise<GiftCard | null> {
    const card = await this.em.findOne(GiftCard, { orderLineId });
    return card && card.customerId === customerId ? card : null;
  }

  /**
   * Opens a card by its share secret, for a client known by `clients` (its keys from
   * client.identity.ts). An id that is no card id or a secret of the wrong shape cannot open
   * anything: refused at once with the wrong secret's answer (they reveal nothing about any
   * card), before the limiter, so a typo spends no budget. Otherwise unknown card and wrong
   * secret do the same work (limiter, one lookup, one constant-time compare), take at least
   * the same minimum time and give the same answer.
   *
   * Every attempt holds a slot per (client, card) and per client, given back only when the
   * secret is right; a client out of either budget is refused even with the right secret,
   * or the refusal itself would tell a guesser when it had found it. There is deliberately no
   * budget per card alone: it would let anyone lock the recipient out with a few wrong guesses,
   * and it is not what keeps a card safe. The secret is (71 bits, share.secret.ts): a million
   * addresses each spending its per-card budget (10) on one card every 10-minute window would
   * need about two billion years for even odds. The limiter only stops online guessing per client.
   */
  async open(rawId: string, secret: string, clients: readonly string[]): Promise<OpenResult> {
    const started = performance.now();
    const { config } = this.deps;
    const id = parseCardId(rawId);
    if (id === null || !isSecretShaped(secret)) return { kind: 'unavailable' };
    const claim = await this.deps.limiter.claim([
      ...clients.map((client) => ({
        key: `pair:${client}:${id}`,
        limit: config.CARD_GUESS_LIMIT_PER_CLIENT_CARD,
      })),
      ...clients.map((client) => ({
        key: `client:${client}`,
        limit: config.CARD_GUESS_LIMIT_PER_CLIENT,
      })),
    ]);
    if (!claim.ok) return { kind: 'limited', retryAfterSeconds: claim.retryAfterSeconds };
    const card = await this.em.findOne(GiftCard, { _id: new ObjectId(id) });
    if (!secretMatches(secret, card?.secretHash) || !card) {
      // Reading an existing document takes a little longer than missing one; a fixed floor
      // hides that difference (and slows guessing) without delaying the real recipient.
      const wait = config.CARD_FAILED_OPEN_MIN_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return { kind: 'unavailable' };
    }
    await claim.release();
    return { kind: 'open', card };
  }
}
