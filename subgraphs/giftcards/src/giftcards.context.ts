import { type Caller, type EntityManager, hasRole, keyedLoader } from '@bloom/kernel';
import { ObjectId, type MikroORM } from '@mikro-orm/mongodb';
import type DataLoader from 'dataloader';
import { parseCardId } from './cards/card.id.js';
import { CardService } from './cards/card.service.js';
import { GiftCard } from './cards/gift-card.entity.js';
import type { GiftcardsDeps } from './giftcards.deps.js';
import { SuggestionService } from './suggestions/suggestion.service.js';

export interface GiftcardsServices {
  cards: CardService;
  suggestions: SuggestionService;
}

export interface GiftcardsContext {
  caller: Caller;
  em: EntityManager;
  deps: GiftcardsDeps;
  services: GiftcardsServices;
  /** Cards by id, visible to their buyer and to admins only. */
  cardLoader: DataLoader<string, GiftCard | null>;
  /** Cards by order line id, whoever owns them (callers decide what to reveal). */
  cardByLineLoader: DataLoader<string, GiftCard | null>;
}

export function buildServices(em: EntityManager, deps: GiftcardsDeps): GiftcardsServices {
  return { cards: new CardService(em, deps), suggestions: new SuggestionService(em, deps) };
}

/** One EntityManager fork and one set of loaders per request. */
export function createContext(
  orm: MikroORM,
  deps: GiftcardsDeps,
  caller: Caller,
): GiftcardsContext {
  const em = orm.em.fork();
  const cardLoader = keyedLoader<string, GiftCard>(
    async (ids) => {
      const valid = ids.flatMap((id) => parseCardId(id) ?? []).map((id) => new ObjectId(id));
      const cards = await em.find(GiftCard, { _id: { $in: valid } });
      return cards.filter((card) => card.customerId === caller.userId || hasRole(caller, 'ADMIN'));
    },
    (card) => card.id,
    // Any spelling of an id finds its card (card.id is the lower-case one).
    (id) => parseCardId(id) ?? id,
  );
  const cardByLineLoader = keyedLoader<string, GiftCard>(
    (lineIds) => em.find(GiftCard, { orderLineId: { $in: [...lineIds] } }),
    (card) => card.orderLineId,
  );
  return { caller, em, deps, services: buildServices(em, deps), cardLoader, cardByLineLoader };
}
