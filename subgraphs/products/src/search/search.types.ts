import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CategoryKey, FlowerColor, TagKey } from '../catalog/catalog.types.js';
import { ProductSort } from '../products/product-sort.js';
import { ProductConnection } from '../products/product.types.js';
import type { Page } from '@bloom/kernel';
import type { Product } from '../products/product.entity.js';

export enum Occasion {
  BIRTHDAY = 'BIRTHDAY',
  ANNIVERSARY = 'ANNIVERSARY',
  WEDDING = 'WEDDING',
  FUNERAL = 'FUNERAL',
  OPENING = 'OPENING',
  PROMOTION = 'PROMOTION',
  PROPOSAL = 'PROPOSAL',
  VALENTINE = 'VALENTINE',
  PARENTS_DAY = 'PARENTS_DAY',
  TEACHERS_DAY = 'TEACHERS_DAY',
  GRADUATION = 'GRADUATION',
  HOUSEWARMING = 'HOUSEWARMING',
  GET_WELL = 'GET_WELL',
  APOLOGY = 'APOLOGY',
  CONGRATULATIONS = 'CONGRATULATIONS',
}
registerEnumType(Occasion, { name: 'Occasion', description: 'Why the buyer is shopping.' });

export enum InterpretationSource {
  AI = 'AI',
  OFFLINE = 'OFFLINE',
}
registerEnumType(InterpretationSource, {
  name: 'InterpretationSource',
  valuesConfig: {
    AI: { description: 'Understood by the AI model.' },
    OFFLINE: { description: 'Understood by the built-in parser (no key, AI failed or slow).' },
  },
});

@ObjectType({
  description:
    'The filters a search query was understood as; clients show them and can edit them ' +
    '(then list with `products(filter:, sort:)`).',
})
export class SearchInterpretation {
  @Field(() => CategoryKey, { nullable: true })
  category?: CategoryKey | null;

  @Field(() => [TagKey])
  tags!: TagKey[];

  @Field(() => [Int], { description: 'Flowers named, or wanted for their meaning.' })
  flowerIds!: number[];

  @Field(() => [FlowerColor])
  colors!: FlowerColor[];

  @Field(() => Int, { nullable: true })
  priceMin?: number | null;

  @Field(() => Int, { nullable: true })
  priceMax?: number | null;

  @Field(() => ProductSort, { nullable: true })
  sort?: ProductSort | null;

  @Field(() => Occasion, { nullable: true })
  occasion?: Occasion | null;

  @Field(() => [String], { description: 'Words matched against names when nothing else was.' })
  keywords!: string[];

  @Field(() => InterpretationSource)
  source!: InterpretationSource;
}

@ObjectType()
export class ProductSearchResult {
  @Field(() => SearchInterpretation)
  interpretation!: SearchInterpretation;

  @Field(() => ProductConnection)
  products!: Page<Product>;
}
