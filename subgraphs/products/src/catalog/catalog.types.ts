import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CategoryKey {
  BOUQUET = 'BOUQUET',
  BASKET = 'BASKET',
  BOX = 'BOX',
  WREATH = 'WREATH',
}
registerEnumType(CategoryKey, { name: 'CategoryKey', description: 'The four product categories.' });

export enum TagKey {
  FOR_LOVER = 'FOR_LOVER',
  FOR_FRIEND = 'FOR_FRIEND',
  AIR_PURIFYING = 'AIR_PURIFYING',
  OPENING = 'OPENING',
  PROMOTION = 'PROMOTION',
  WEDDING = 'WEDDING',
  FUNERAL = 'FUNERAL',
}
registerEnumType(TagKey, { name: 'TagKey', description: 'The seven product tags.' });

export enum FlowerColor {
  RED = 'RED',
  WHITE = 'WHITE',
  YELLOW = 'YELLOW',
  PINK = 'PINK',
  PURPLE = 'PURPLE',
  BLUE = 'BLUE',
  ORANGE = 'ORANGE',
}
registerEnumType(FlowerColor, { name: 'FlowerColor' });

@ObjectType({ description: 'A text in Korean and English.' })
export class CatalogText {
  @Field()
  ko!: string;

  @Field()
  en!: string;
}

@ObjectType({ description: 'A product category.' })
export class Category {
  @Field(() => Int)
  id!: number;

  @Field(() => CategoryKey)
  key!: CategoryKey;

  @Field(() => CatalogText)
  name!: CatalogText;
}

@ObjectType({ description: 'A product tag (occasion or recipient).' })
export class Tag {
  @Field(() => Int)
  id!: number;

  @Field(() => TagKey)
  key!: TagKey;

  @Field(() => CatalogText)
  name!: CatalogText;
}

@ObjectType({ description: 'One of the 22 reference flowers and its flower language (꽃말).' })
@Directive('@key(fields: "id")')
export class Flower {
  @Field(() => Int)
  id!: number;

  @Field(() => CatalogText)
  name!: CatalogText;

  @Field(() => CatalogText, { description: 'Flower language: what the flower means.' })
  language!: CatalogText;

  @Field(() => [FlowerColor], { description: 'Colours the flower is commonly sold in.' })
  colors!: FlowerColor[];
}
