import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RECIPIENT_KEYS } from '../catalog/catalog.data.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RecipientKey = enumOf(RECIPIENT_KEYS);
registerEnumType(RecipientKey, {
  name: 'RecipientKey',
  description: 'Who the card is for; decides the speech level, the address and the meaning line.',
  valuesConfig: {
    FATHER: { description: 'Father (아버지): 존댓말, never called by name.' },
    MOTHER: { description: 'Mother (어머니): 존댓말, never called by name.' },
    SPOUSE: { description: 'Husband or wife (배우자): 반말, 여보/당신.' },
    SON: { description: 'Son (아들): 반말.' },
    DAUGHTER: { description: 'Daughter (딸): 반말.' },
    BROTHER: {
      description:
        'A brother, older or younger unknown (형제): 반말, no 형/오빠 (by name if given).',
    },
    SISTER: {
      description:
        'A sister, older or younger unknown (자매): 반말, no 누나/언니 (by name if given).',
    },
    LOVER: { description: 'Boyfriend or girlfriend (애인): 반말.' },
    FRIEND: { description: 'Friend (친구): 반말.' },
    COLLEAGUE: { description: 'Colleague (동료): 존댓말, "○○ 님" with a name.' },
    GRANDPARENT: { description: 'Grandmother or grandfather (조부모님): 존댓말, 생신.' },
    OLDER_BROTHER: { description: 'Older brother: 형 from a male sender, 오빠 from a female one.' },
    OLDER_SISTER: { description: 'Older sister: 누나 from a male sender, 언니 from a female one.' },
    YOUNGER_SIBLING: { description: 'Younger brother or sister (동생): 반말.' },
    SENIOR: { description: 'A senior at work or school, or a boss (선배/상사): 존댓말, 선배님.' },
    JUNIOR: { description: 'A junior at work or school (후배): 반말, called by name if given.' },
    TEACHER: { description: 'Teacher (선생님): 존댓말, 생신.' },
  },
});

export const SenderGender = enumOf(['MALE', 'FEMALE'] as const);
registerEnumType(SenderGender, {
  name: 'SenderGender',
  description: "The sender's gender, used only to choose 형/오빠 and 누나/언니 for older siblings.",
});

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

  @Field(() => SenderGender, {
    nullable: true,
    description: 'Used only to choose 형/오빠 and 누나/언니 for OLDER_BROTHER and OLDER_SISTER.',
  })
  senderGender?: keyof typeof SenderGender | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How the recipient is called, e.g. "지민" (지민아, 지민 님, 지민 선배님): at most 10 letters or spaces. Ignored for parents and grandparents.',
  })
  recipientName?: string | null;
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
