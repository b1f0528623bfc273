import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity.js';

@ObjectType({ description: 'Tokens for a signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' })
  accessToken!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @Field({ description: 'Exchange it with refreshTokens for a new pair; single use.' })
  refreshToken!: string;

  @Field(() => User)
  user!: User;
}

@InputType()
export class SignUpInput {
  @Field()
  email!: string;

  @Field({ description: 'At least 8 characters with letters and digits.' })
  password!: string;

  @Field()
  name!: string;

  @Field({ nullable: true, description: 'Korean mobile number, e.g. 010-1234-5678.' })
  phone?: string;
}

@InputType()
export class LogInInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}
