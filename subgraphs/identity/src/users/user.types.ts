import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '@bloom/kernel';
import { RoleEnum, SellerStatus, User, UserStatus } from './user.entity.js';

export const UserConnection = Connection(User, 'UserConnection');

@InputType({ description: 'Filters for the admin user list; all optional and combined.' })
export class UserFilter {
  @Field(() => RoleEnum, { nullable: true })
  role?: RoleEnum;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus;

  @Field(() => SellerStatus, { nullable: true })
  sellerStatus?: SellerStatus;

  @Field({ nullable: true, description: 'Matches the start of the e-mail or the name.' })
  search?: string;
}

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  phone?: string;
}

@ObjectType({ description: 'The account was deleted.' })
export class AccountDeleted {
  @Field({ description: 'The same e-mail can sign up again from this time on.' })
  signUpAgainAfter!: Date;
}

@ObjectType({ description: 'New accounts on one Asia/Seoul day.' })
export class DailySignups {
  @Field({ description: 'YYYY-MM-DD in Asia/Seoul.' })
  date!: string;

  @Field(() => Int, { description: 'Accounts created that day (administrators not counted).' })
  customers!: number;

  @Field(() => Int, { description: 'Seller applications approved that day: new sellers.' })
  sellers!: number;
}
