import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TEMPLATE_COLORS } from '../catalog/catalog.data.js';

export const TemplateColor = Object.fromEntries(TEMPLATE_COLORS.map((c) => [c, c])) as {
  [K in (typeof TEMPLATE_COLORS)[number]]: K;
};
registerEnumType(TemplateColor, { name: 'TemplateColor', description: 'Card design colours.' });

@ObjectType({ description: 'A card design: colour, design number and its front image.' })
export class CardTemplate {
  @Field(() => ID, { description: 'e.g. PINK_03.' })
  key!: string;

  @Field(() => TemplateColor)
  color!: keyof typeof TemplateColor;

  @Field(() => Int)
  design!: number;

  @Field({ description: 'Korean name, e.g. "분홍 · 튤립".' })
  name!: string;

  @Field()
  nameEn!: string;

  @Field({ description: 'SVG card front served by the giftcards service (cacheable).' })
  imageUrl!: string;
}
