import { Field, InputType } from 'type-graphql';

@InputType()
export class AddressInput {
  @Field({ description: 'e.g. 집, 회사, 부모님 댁' })
  label!: string;

  @Field()
  recipientName!: string;

  @Field()
  phone!: string;

  @Field({ description: 'Five-digit postal code.' })
  zipCode!: string;

  @Field()
  street!: string;

  @Field({ nullable: true })
  detail?: string;

  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  districtCode?: string;
}
