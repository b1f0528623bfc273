import { type Page, badInput } from '@bloom/kernel';
import type { EntityManager } from '@mikro-orm/mongodb';
import type { CategoryKey, FlowerColor, TagKey } from '../catalog/catalog.types.js';
import type { ProductsDeps } from '../products.deps.js';
import type { Product } from '../products/product.entity.js';
import { pageProducts, productWhere } from '../products/product.repository.js';
import { ProductSort } from '../products/product-sort.js';
import { StoreDirectory } from '../stores/store.directory.js';
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
    const where = productWhere(
      {
        category: filters.category as CategoryKey | null,
        tags: filters.tags as TagKey[],
        flowerIds: filters.flowerIds,
        colors: filters.colors as FlowerColor[],
        priceMin: filters.priceMin,
        priceMax: filters.priceMax,
        keywords: filters.keywords,
      },
      { kind: 'public', hiddenStoreIds: await new StoreDirectory(this.em).hiddenStoreIds() },
    );
    // Without a sort hint, best sellers first stands in for relevance.
    const products: Page<Product> = await pageProducts(
      this.em,
      where,
      filters.sort ?? ProductSort.POPULAR,
      first,
      after,
    );
    const interpretation = Object.assign(new SearchInterpretation(), {
      ...filters,
      occasion: filters.occasion as Occasion | null,
      source: source === 'AI' ? InterpretationSource.AI : InterpretationSource.OFFLINE,
    });
    return Object.assign(new ProductSearchResult(), { interpretation, products });
  }
}
