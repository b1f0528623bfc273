import { type EntityManager, InvalidInputError, simpleError } from '@bloom/kernel';
import { type Flower, type RecipientKeyValue, findFlower } from '../catalog/catalog.data.js';
import { OrderLineNotFoundError } from '../cards/card.errors.js';
import type { GiftcardsDeps } from '../giftcards.deps.js';
import { OrderLineView } from '../orders/order-line.entities.js';
import { ProductFlower } from '../products/product-flower.entity.js';
import { composeMessages } from './message.composer.js';
import { UnknownFlowerError } from './suggestion.errors.js';
import {
  CardSuggestions,
  type SuggestCardMessagesInput,
  SuggestionFlower,
} from './suggestion.types.js';

const OCCASION_MAX_LENGTH = 40;
const NAME_MAX_LENGTH = 10;

export class SuggestionService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: GiftcardsDeps,
  ) {}

  /** Three messages, from the AI when configured and timely, else from the composer. */
  async suggest(
    customerId: string,
    input: SuggestCardMessagesInput,
  ): Promise<CardSuggestions | InvalidInputError | OrderLineNotFoundError | UnknownFlowerError> {
    const given = [input.orderLineId, input.productId, input.flowerId].filter(Boolean).length;
    if (given !== 1) {
      return InvalidInputError.of(
        'orderLineId',
        'Give exactly one of orderLineId, productId or flowerId.',
        'ONE_SOURCE_REQUIRED',
      );
    }
    const occasion = input.occasion.trim();
    if ([...occasion].length > OCCASION_MAX_LENGTH) {
      return InvalidInputError.of('occasion', `At most ${OCCASION_MAX_LENGTH} characters.`);
    }
    const recipientName =
      input.recipientName?.normalize('NFC').replace(/\s+/gu, ' ').trim() || null;
    if (recipientName && [...recipientName].length > NAME_MAX_LENGTH) {
      return InvalidInputError.of('recipientName', `At most ${NAME_MAX_LENGTH} characters.`);
    }
    // Letters and spaces only: the name is written into sentences as it is.
    if (recipientName && !/^[\p{L}\p{M} ]+$/u.test(recipientName)) {
      return InvalidInputError.of('recipientName', 'Only letters and spaces.');
    }
    const senderGender = input.senderGender ?? null;
    const flower = await this.flowerFor(customerId, input);
    if (!(flower === null || 'meaning' in flower)) return flower;
    const maxLength = this.deps.config.CARD_MESSAGE_MAX_LENGTH;
    const recipient: RecipientKeyValue = input.recipient;
    const request = {
      flower,
      recipient,
      occasion,
      tone: input.tone,
      language: input.language,
      maxLength,
      senderGender,
      recipientName,
    };
    const aiMessages = await this.deps.ai?.suggest(request);
    const suggestions = aiMessages ?? composeMessages({ ...request, variant: input.variant });
    const en = input.language === 'EN';
    return Object.assign(new CardSuggestions(), {
      suggestions,
      source: aiMessages ? 'AI' : 'OFFLINE',
      maxLength,
      flower: flower
        ? Object.assign(new SuggestionFlower(), {
            id: flower.id,
            name: en ? flower.name.en : flower.name.ko,
            meaning: en ? flower.meaning.en : flower.meaning.ko,
          })
        : undefined,
    });
  }

  /**
   * The representative flower: named directly, of a product (projected from products events),
   * or of one of the caller's order lines. A product not yet projected composes without one.
   */
  private async flowerFor(
    customerId: string,
    input: SuggestCardMessagesInput,
  ): Promise<Flower | null | OrderLineNotFoundError | UnknownFlowerError> {
    if (input.flowerId) {
      return (
        findFlower(input.flowerId) ??
        simpleError(UnknownFlowerError, 'UNKNOWN_FLOWER', 'No such flower in the catalog.')
      );
    }
    let productId = input.productId;
    if (input.orderLineId) {
      const line = await this.em.findOne(OrderLineView, { _id: input.orderLineId });
      if (!line || line.customerId !== customerId) {
        return simpleError(
          OrderLineNotFoundError,
          'ORDER_LINE_NOT_FOUND',
          'No such order line in your orders.',
        );
      }
      const own = findFlower(line.flowerId);
      productId = line.productId;
      const projected = await this.em.findOne(ProductFlower, { _id: productId });
      return findFlower(projected?.flowerId) ?? own;
    }
    const projected = await this.em.findOne(ProductFlower, { _id: productId! });
    return findFlower(projected?.flowerId);
  }
}
