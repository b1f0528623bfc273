import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RECIPIENT_KEYS } from '../catalog/catalog.data.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RecipientKey = enumOf(RECIPIENT_KEYS);
registerEnumType(RecipientKey, { name: 'RecipientKey', description: 'Who the card is for.' });

export const CardTone = enumOf(['WARM', 'FORMAL', 'PLAYFUL', 'ROMANTIC', 'GRATEFUL'] as const);
registerEnumType(CardTone, { name: 'CardTone' });

export const CardLanguage = enumOf(['KO', 'EN'] as const);
registerEnumType(CardLanguage, { name: 'CardLanguage' });

export const SuggestionSource = enumOf(['AI', 'OFFLINE'] as const);
registerEnumType(SuggestionSource, {
  name: 'SuggestionSource',
  valuesConfig: {
    AI: { description: 'Written by the language model.' },
    OFFLINE: { description: 'Composed from built-in phrases (no key, AI error or timeout).' },
  },
});

@InputType({ description: 'Give one of orderLineId, productId or flowerId.' })
export class SuggestCardMessagesInput {
  @Field(() => ID, {
    nullable: true,
    description: "One of your order lines: its product's flower.",
  })
  orderLineId?: string;

  @Field(() => ID, { nullable: true, description: 'A product: its representative flower.' })
  productId?: string;

  @Field(() => ID, { nullable: true, description: 'A flower of the catalog (1..22).' })
  flowerId?: string;

  @Field(() => RecipientKey)
  recipient!: keyof typeof RecipientKey;

  @Field({ defaultValue: '', description: 'Free text, e.g. "생일", "개업", "위로".' })
  occasion!: string;

  @Field(() => CardTone, { defaultValue: 'WARM' })
  tone!: keyof typeof CardTone;

  @Field(() => CardLanguage, { defaultValue: 'KO' })
  language!: keyof typeof CardLanguage;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'Ask again with 1, 2... for other offline suggestions; same input, same answer.',
  })
  variant!: number;
}

@ObjectType({ description: 'The flower a suggestion was written from, in the asked language.' })
export class SuggestionFlower {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Its flower language (꽃말).' })
  meaning!: string;
}

@ObjectType({
  description: 'Three message ideas. Nothing is stored until the sender writes a card.',
})
export class CardSuggestions {
  @Field(() => [String])
  suggestions!: string[];

  @Field(() => SuggestionSource)
  source!: keyof typeof SuggestionSource;

  @Field(() => SuggestionFlower, { nullable: true })
  flower?: SuggestionFlower;

  @Field(() => Int, { description: 'The card length every suggestion fits.' })
  maxLength!: number;
}
