import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A customer likes a product; `_id` = `<userId>:<productId>`, so liking twice is one like. */
@Entity({ collection: 'product_likes' })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['productId'] })
export class ProductLike {
  @PrimaryKey()
  _id!: string;

  @Property()
  userId!: string;

  @Property()
  productId!: string;

  @Property()
  createdAt: Date = new Date();
}

/** A customer likes a store; `_id` = `<userId>:<storeId>`. */
@Entity({ collection: 'store_likes' })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['storeId'] })
export class StoreLike {
  @PrimaryKey()
  _id!: string;

  @Property()
  userId!: string;

  @Property()
  storeId!: string;

  @Property()
  createdAt: Date = new Date();
}
