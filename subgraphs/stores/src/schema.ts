import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import { couponReference } from './coupons/coupon.reference.js';
import { CouponResolver, StoreCouponResolver } from './coupons/coupon.resolver.js';
import { StoreInventoryResolver } from './inventory/inventory.resolver.js';
import { StorePickupResolver } from './pickup/pickup.resolver.js';
import { productReference } from './products/product.reference.js';
import { ProductResolver, QuestionProductResolver } from './products/product.resolver.js';
import { QuestionResolver, StoreQuestionsResolver } from './questions/question.resolver.js';
import { AdminStoresResolver } from './stores/admin-stores.resolver.js';
import { storeReference } from './stores/store.reference.js';
import { StoreAddressResolver, StoreResolver } from './stores/store.resolver.js';
import { userReference } from './users/user.reference.js';
import { UserStoreResolver } from './users/user.resolver.js';

/** The stores subgraph's schema; also printed into schema/subgraphs/stores.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        StoreResolver,
        AdminStoresResolver,
        StoreAddressResolver,
        StoreInventoryResolver,
        StorePickupResolver,
        StoreCouponResolver,
        StoreQuestionsResolver,
        CouponResolver,
        QuestionResolver,
        QuestionProductResolver,
        ProductResolver,
        UserStoreResolver,
      ],
      orphanedTypes: [InvalidInputError],
    },
    { ...productReference, ...storeReference, ...couponReference, ...userReference },
  );
}
