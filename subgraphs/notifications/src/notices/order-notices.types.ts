import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NoticeKind } from './notice-kind.js';

export enum RecipientRole {
  CUSTOMER = 'CUSTOMER',
  SELLER = 'SELLER',
  ADMIN = 'ADMIN',
}
registerEnumType(RecipientRole, { name: 'RecipientRole' });

export enum NoticeChannel {
  IN_APP = 'IN_APP',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}
registerEnumType(NoticeChannel, { name: 'NoticeChannel' });

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

@ObjectType({ description: 'One channel a notice went out on.' })
export class NoticeDelivery {
  @Field(() => NoticeChannel)
  channel!: NoticeChannel;

  @Field(() => DeliveryStatus, { description: 'In-app notices are SENT once stored.' })
  status!: DeliveryStatus;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The last sending error, if any.' })
  error!: string | null;
}

@ObjectType({ description: 'Admin: a notice sent about an order, with its channels.' })
export class SentNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => NoticeKind)
  kind!: NoticeKind;

  @Field(() => RecipientRole)
  recipientRole!: RecipientRole;

  @Field(() => ID, { nullable: true, description: 'The person; null for notices to all admins.' })
  recipientId!: string | null;

  @Field(() => [NoticeChannel])
  channels!: NoticeChannel[];

  @Field(() => [NoticeDelivery])
  deliveries!: NoticeDelivery[];

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  sentAt!: Date;

  @Field({ description: 'Read by its recipient (a notice to all admins: by any admin).' })
  read!: boolean;
}
