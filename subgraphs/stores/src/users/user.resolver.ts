import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Store } from '../stores/store.entity.js';
import type { StoresContext } from '../stores.context.js';
import { UserRef } from './user.types.js';

@Resolver(() => UserRef)
export class UserStoreResolver {
  @FieldResolver(() => Store, { nullable: true, description: "The seller's store, if any." })
  store(@Root() user: UserRef, @Ctx() ctx: StoresContext) {
    return ctx.loaders.storeBySeller.load(user.id);
  }
}
