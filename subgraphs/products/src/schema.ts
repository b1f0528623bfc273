import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import { CatalogResolver } from './catalog/catalog.resolver.js';
import { flowerReference } from './catalog/flower.reference.js';
import { ImageResolver } from './images/image.resolver.js';
import { LikeResolver } from './likes/like.resolver.js';
import { productReference } from './products/product.reference.js';
import { ProductResolver } from './products/product.resolver.js';
import { RestockResolver } from './restock/restock.resolver.js';
import { ProductReviewsResolver } from './reviews/product-reviews.resolver.js';
import { ReviewResolver, ReviewableOrderLineResolver } from './reviews/review.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { storeReference } from './stores/store.reference.js';
import { StoreResolver } from './stores/store.resolver.js';

/** The products subgraph's schema; also printed into schema/subgraphs/products.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CatalogResolver,
        ProductResolver,
        StoreResolver,
        ReviewResolver,
        ProductReviewsResolver,
        ReviewableOrderLineResolver,
        LikeResolver,
        RestockResolver,
        ImageResolver,
        SearchResolver,
      ],
      orphanedTypes: [InvalidInputError],
    },
    { ...productReference, ...storeReference, ...flowerReference },
  );
}
