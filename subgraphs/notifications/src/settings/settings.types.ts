import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How notifications reach the signed-in person outside the app.' })
export class NotificationSettings {
  @Field(() => String, {
    nullable: true,
    description: 'Mobile number for SMS notices (restock, order result, delivery, answers).',
  })
  smsPhone!: string | null;
}

@InputType()
export class NotificationSettingsInput {
  @Field(() => String, {
    nullable: true,
    description: 'A mobile number such as 010-1234-5678; null stops SMS.',
  })
  smsPhone?: string | null;
}
