import { Connection } from '@bloom/kernel';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CategoryKey, Flower, FlowerColor, TagKey } from '../catalog/catalog.types.js';
import { Product } from './product.entity.js';

export const ProductConnection = Connection(Product, 'ProductConnection');

@ObjectType({ description: 'An uploaded image.' })
export class ProductImage {
  @Field({ description: 'The storage key, as given to product and review inputs.' })
  key!: string;

  @Field()
  url!: string;
}

@InputType()
export class RecipeLineInput {
  @Field(() => Int, { description: 'A reference flower id (1–22).' })
  flowerId!: number;

  @Field(() => Int)
  count!: number;

  @Field({ defaultValue: false })
  representative!: boolean;
}

@InputType({ description: 'A new product of the signed-in seller’s store.' })
export class CreateProductInput {
  @Field()
  name!: string;

  @Field()
  summary!: string;

  @Field()
  description!: string;

  @Field(() => [String], { defaultValue: [], description: 'Image keys from createImageUpload.' })
  images!: string[];

  @Field(() => Int, { description: 'KRW.' })
  price!: number;

  @Field(() => CategoryKey, { nullable: true, description: 'Required unless isSubscription.' })
  category?: CategoryKey;

  @Field(() => [TagKey], { defaultValue: [] })
  tags!: TagKey[];

  @Field(() => [RecipeLineInput])
  recipe!: RecipeLineInput[];

  @Field({
    defaultValue: false,
    description: 'A subscription product: no category or tags, at most one per store.',
  })
  isSubscription!: boolean;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateProductInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  summary?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [String], { nullable: true })
  images?: string[];

  @Field(() => Int, { nullable: true })
  price?: number;

  @Field(() => CategoryKey, { nullable: true })
  category?: CategoryKey;

  @Field(() => [TagKey], { nullable: true })
  tags?: TagKey[];

  @Field(() => [RecipeLineInput], { nullable: true })
  recipe?: RecipeLineInput[];
}

@InputType({ description: 'Listing filters; all optional and combined.' })
export class ProductFilter {
  @Field(() => CategoryKey, { nullable: true })
  category?: CategoryKey;

  @Field(() => [TagKey], { nullable: true, description: 'Products carrying every one of these.' })
  tags?: TagKey[];

  @Field(() => ID, { nullable: true })
  storeId?: string;

  @Field(() => [Int], { nullable: true, description: 'Products containing any of these flowers.' })
  flowerIds?: number[];

  @Field(() => [FlowerColor], {
    nullable: true,
    description: 'Products whose representative flower comes in any of these colours.',
  })
  colors?: FlowerColor[];

  @Field(() => Int, { nullable: true })
  priceMin?: number;

  @Field(() => Int, { nullable: true })
  priceMax?: number;

  @Field({ nullable: true, description: 'Only subscription products, or none of them.' })
  isSubscription?: boolean;

  @Field({ nullable: true, description: 'Words matched against the name and summary.' })
  keyword?: string;
}

@ObjectType({ description: 'A curated main page row: products for one occasion.' })
export class HomeCollection {
  @Field(() => TagKey, { description: 'The occasion tag; its listing is /products?tag=<tag>.' })
  tag!: TagKey;

  @Field({ description: 'The row title, in Korean.' })
  title!: string;

  @Field({ description: 'One line under the title, in Korean.' })
  subtitle!: string;

  @Field(() => [Product])
  products!: Product[];
}

@ObjectType({ description: 'Flowers at their best this month (Seoul) and products made of them.' })
export class SeasonalPick {
  @Field(() => Int, { description: 'The Seoul month, 1–12.' })
  month!: number;

  @Field({ description: 'The season in Korean: 봄, 여름, 가을 or 겨울.' })
  season!: string;

  @Field({ description: 'The banner title, in Korean.' })
  title!: string;

  @Field(() => [Flower], { description: 'The flowers in season, at least one.' })
  flowers!: Flower[];

  @Field(() => [Product], { description: 'Products containing any of those flowers.' })
  products!: Product[];
}

@ObjectType({
  description:
    'Main page sections. No product appears in two of them; every list may be empty (hide it).',
})
export class HomeSections {
  @Field(() => [Product], { description: 'Most sold first; only products sold at least once.' })
  bestSellers!: Product[];

  @Field(() => [Product], { description: 'Newest first.' })
  newArrivals!: Product[];

  @Field(() => [Product], { description: 'Best rated first; only products with a rating.' })
  bestRated!: Product[];

  @Field(() => SeasonalPick)
  seasonal!: SeasonalPick;

  @Field(() => [HomeCollection], { description: 'Occasion rows; only those with products.' })
  collections!: HomeCollection[];
}

@ObjectType({ description: 'Products deleted by an admin bulk action.' })
export class DeletedProducts {
  @Field(() => [ID])
  deletedIds!: string[];
}
