import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CardTemplate } from '../templates/template.types.js';
import { GiftCard } from './gift-card.entity.js';

@InputType()
export class WriteGiftCardInput {
  @Field(() => ID)
  orderLineId!: string;

  @Field({ nullable: true, description: 'A CardTemplate key; MIX_01 when omitted.' })
  templateKey?: string;

  @Field({ description: 'Plain text; line breaks are kept. At most 200 characters by default.' })
  message!: string;

  @Field({ nullable: true, description: 'How the sender signs the card (at most 30 characters).' })
  fromName?: string;
}

@InputType()
export class EditGiftCardInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  templateKey?: string;

  @Field({ nullable: true })
  message?: string;

  @Field({ nullable: true, description: 'An empty string removes the signature.' })
  fromName?: string;
}

@ObjectType({ description: 'A card and its share link. The secret is shown only here.' })
export class GiftCardShare {
  @Field(() => GiftCard)
  card!: GiftCard;

  @Field({ description: 'Short secret that opens the card; stored only as a hash.' })
  shareSecret!: string;

  @Field({ description: 'Link the recipient opens in a browser, no account needed.' })
  shareUrl!: string;
}

@ObjectType({ description: 'A card as its recipient sees it through the share link.' })
export class SharedGiftCard {
  @Field(() => ID)
  id!: string;

  @Field(() => CardTemplate)
  template!: CardTemplate;

  @Field({ description: 'Plain text with line breaks; escape it when showing it.' })
  message!: string;

  @Field({ nullable: true })
  fromName?: string;
}
