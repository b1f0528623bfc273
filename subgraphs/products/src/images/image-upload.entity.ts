import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One stored image. `_id` is the upload grant's id, so inserting this record is what uses a
 * one-time upload URL: a second upload with the same URL fails on the unique key.
 */
@Entity({ collection: 'image_uploads' })
@Index({ properties: ['ownerUserId'] })
export class ImageUpload {
  @PrimaryKey()
  _id!: string;

  @Property()
  @Unique()
  key!: string;

  @Property()
  ownerUserId!: string;

  @Property()
  contentType!: string;

  @Property()
  size!: number;

  @Property()
  createdAt: Date = new Date();
}
