import { Arg, Int, Query, Resolver } from 'type-graphql';
import { CATEGORIES, FLOWERS, TAGS, flowerById } from './catalog.data.js';
import { Category, Flower, Tag } from './catalog.types.js';

/** The reference catalog is static data: no database, no caller checks. */
@Resolver()
export class CatalogResolver {
  @Query(() => [Flower], { description: 'The 22 reference flowers with their flower language.' })
  flowers() {
    return FLOWERS;
  }

  @Query(() => Flower, { nullable: true })
  flower(@Arg('id', () => Int) id: number) {
    return flowerById(id) ?? null;
  }

  @Query(() => [Category])
  categories() {
    return CATEGORIES;
  }

  @Query(() => [Tag])
  tags() {
    return TAGS;
  }
}
