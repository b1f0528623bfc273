import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new account that applies to sell.' })
export class SellerSignUpInput {
  @Field()
  email!: string;

  @Field({ description: 'At least 8 characters with letters and digits.' })
  password!: string;

  @Field()
  name!: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ description: 'The shop or company name on the registration.' })
  businessName!: string;

  @Field({ description: 'NNN-NN-NNNNN, checked against its check digit.' })
  businessRegistrationNumber!: string;
}

@InputType({ description: 'A signed-in customer applies to sell.' })
export class SellerApplicationInput {
  @Field()
  businessName!: string;

  @Field()
  businessRegistrationNumber!: string;
}
