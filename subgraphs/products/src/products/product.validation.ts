import { InvalidInputError } from '@bloom/kernel';
import { TAG_KEYS, isFlowerId } from '../catalog/catalog.data.js';
import type { CategoryKey, TagKey } from '../catalog/catalog.types.js';
import type { RecipeLineInput } from './product.types.js';

export const MAX_IMAGES = 10;
const MIN_PRICE = 100;
const MAX_PRICE = 10_000_000;

/** The editable fields, as validated together. */
export interface ProductFields {
  name: string;
  summary: string;
  description: string;
  images: string[];
  price: number;
  category: CategoryKey | null;
  tags: TagKey[];
  recipe: RecipeLineInput[];
  isSubscription: boolean;
}

function checkText(field: string, value: string, min: number, max: number) {
  const length = value.trim().length;
  return length >= min && length <= max
    ? null
    : InvalidInputError.of(field, `Enter ${min} to ${max} characters.`);
}

/** Every rule on a product's fields that needs no database. */
export function checkProductFields(fields: ProductFields): InvalidInputError | null {
  const problem =
    checkText('name', fields.name, 1, 100) ??
    checkText('summary', fields.summary, 1, 200) ??
    checkText('description', fields.description, 0, 5000);
  if (problem) return problem;
  if (!Number.isInteger(fields.price) || fields.price < MIN_PRICE || fields.price > MAX_PRICE) {
    return InvalidInputError.of(
      'price',
      `Prices are whole won between ${MIN_PRICE} and ${MAX_PRICE}.`,
      'INVALID_PRICE',
    );
  }
  if (fields.isSubscription) {
    if (fields.category || fields.tags.length > 0) {
      return InvalidInputError.of(
        'category',
        'Subscription products have no category or tags.',
        'SUBSCRIPTION_UNCATEGORIZED',
      );
    }
  } else if (!fields.category) {
    return InvalidInputError.of('category', 'Choose a category.', 'CATEGORY_REQUIRED');
  }
  if (new Set(fields.tags).size !== fields.tags.length) {
    return InvalidInputError.of('tags', 'A tag is listed twice.');
  }
  if (fields.tags.length > TAG_KEYS.length) {
    return InvalidInputError.of('tags', `Choose at most ${TAG_KEYS.length} tags.`);
  }
  const recipe = fields.recipe;
  if (recipe.length === 0 || recipe.length > 22) {
    return InvalidInputError.of('recipe', 'A recipe has 1 to 22 flowers.', 'INVALID_RECIPE');
  }
  if (recipe.some((line) => !isFlowerId(line.flowerId))) {
    return InvalidInputError.of('recipe', 'Use the reference flowers (1–22).', 'UNKNOWN_FLOWER');
  }
  if (new Set(recipe.map((line) => line.flowerId)).size !== recipe.length) {
    return InvalidInputError.of(
      'recipe',
      'A flower appears twice in the recipe.',
      'INVALID_RECIPE',
    );
  }
  if (recipe.some((line) => !Number.isInteger(line.count) || line.count < 1 || line.count > 999)) {
    return InvalidInputError.of('recipe', 'Use 1 to 999 stems per flower.', 'INVALID_RECIPE');
  }
  if (recipe.filter((line) => line.representative).length !== 1) {
    return InvalidInputError.of(
      'recipe',
      'Mark exactly one flower as the representative one.',
      'REPRESENTATIVE_REQUIRED',
    );
  }
  return null;
}
