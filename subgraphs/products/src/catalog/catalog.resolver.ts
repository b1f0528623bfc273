import { Access } from '@bloom/kernel';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { CATEGORIES, FLOWERS, TAGS, flowerById } from './catalog.data.js';
import { Category, Flower, Tag } from './catalog.types.js';

/** The reference catalog is static data: no database, no caller checks. */
@Resolver()
export class CatalogResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => [Flower], { description: 'The 22 reference flowers with their flower language.' })
  flowers() {
    return FLOWERS;
  }

  @Access('anyone', 'catalog:read')
  @Query(() => Flower, { nullable: true })
  flower(@Arg('id', () => Int) id: number) {
    return flowerById(id) ?? null;
  }

  @Access('anyone', 'catalog:read')
  @Query(() => [Category])
  categories() {
    return CATEGORIES;
  }

  @Access('anyone', 'catalog:read')
  @Query(() => [Tag])
  tags() {
    return TAGS;
  }
}
