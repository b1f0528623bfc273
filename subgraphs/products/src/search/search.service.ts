import { type Page, badInput } from '@bloom/kernel';
import type { EntityManager } from '@mikro-orm/mongodb';
import type { CategoryKey, FlowerColor, TagKey } from '../catalog/catalog.types.js';
import type { ProductsDeps } from '../products.deps.js';
import type { Product } from '../products/product.entity.js';
import { pageProducts, productWhere } from '../products/product.repository.js';
import { ProductSort } from '../products/product-sort.js';
import { StoreDirectory } from '../stores/store.directory.js';
import { RECIPIENT_TAGS } from './search.lexicon.js';
import {
  InterpretationSource,
  type Occasion,
  ProductSearchResult,
  SearchInterpretation,
} from './search.types.js';

const MAX_QUERY_LENGTH = 200;

/** Natural-language search: interpret the query, then list the public catalogue with it. */
export class SearchService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProductsDeps,
  ) {}

  async search(query: string, first: number, after?: string | null): Promise<ProductSearchResult> {
    const text = query.trim();
    if (text.length === 0 || text.length > MAX_QUERY_LENGTH) {
      throw badInput(`Search with 1 to ${MAX_QUERY_LENGTH} characters.`, { field: 'query' });
    }
    const { filters, source } = await this.deps.interpreter.interpret(text);
    const hiddenStoreIds = await new StoreDirectory(this.em).hiddenStoreIds();
    const list = (tags: string[]): Promise<Page<Product>> =>
      pageProducts(
        this.em,
        productWhere(
          {
            category: filters.category as CategoryKey | null,
            tags: tags as TagKey[],
            flowerIds: filters.flowerIds,
            colors: filters.colors as FlowerColor[],
            priceMin: filters.priceMin,
            priceMax: filters.priceMax,
            keywords: filters.keywords,
          },
          { kind: 'public', hiddenStoreIds },
        ),
        // Without a sort hint, best sellers first stands in for relevance.
        filters.sort ?? ProductSort.POPULAR,
        first,
        after,
      );
    let tags = filters.tags;
    let products = await list(tags);
    // Tags must all match, and few products carry a recipient and an occasion together
    // ("친구 결혼 선물": FOR_FRIEND + WEDDING): rather than nothing, the occasion alone answers,
    // and the interpretation shows the tags actually applied (so do the next pages).
    const occasionTags = tags.filter((tag) => !RECIPIENT_TAGS.includes(tag as TagKey));
    const mixed = occasionTags.length > 0 && occasionTags.length < tags.length;
    if (mixed && products.totalCount === 0) {
      tags = occasionTags;
      products = await list(tags);
    }
    const interpretation = Object.assign(new SearchInterpretation(), {
      ...filters,
      tags,
      occasion: filters.occasion as Occasion | null,
      source: source === 'AI' ? InterpretationSource.AI : InterpretationSource.OFFLINE,
    });
    return Object.assign(new ProductSearchResult(), { interpretation, products });
  }
}
