import {
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
  Unique,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { type EventEnvelope, type OutboxCarrier, Revisioned, type Role } from '@bloom/kernel';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DELETED = 'DELETED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

export enum RoleEnum {
  CUSTOMER = 'CUSTOMER',
  SELLER = 'SELLER',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role' });

export enum SellerStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(SellerStatus, { name: 'SellerStatus' });

@Embeddable()
@ObjectType({ description: "A seller's application and its decision." })
export class SellerProfile {
  @Enum(() => SellerStatus)
  @Field(() => SellerStatus)
  status!: SellerStatus;

  @Property()
  @Field()
  businessName!: string;

  @Property()
  @Field({ description: 'Business registration number, NNN-NN-NNNNN.' })
  businessRegistrationNumber!: string;

  @Property()
  @Field()
  appliedAt!: Date;

  @Property({ nullable: true })
  @Field({ nullable: true })
  decidedAt?: Date;

  @Property({ nullable: true })
  decidedBy?: string;

  @Property({ nullable: true })
  @Field({ nullable: true })
  rejectionReason?: string;
}

@Entity({ collection: 'users' })
@Index({ properties: ['seller.status'] })
@ObjectType({ description: 'A person with an account: customer, seller or admin.' })
@Directive('@key(fields: "id")')
export class User extends Revisioned implements OutboxCarrier {
  [OptionalProps]?:
    | 'emailVerified'
    | 'baseRoles'
    | 'status'
    | 'sessionsValidAfter'
    | 'createdAt'
    | 'updatedAt'
    | 'outbox'
    | 'eventSequence'
    | 'roles';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  /** Normalized (trimmed, lower-case); the unique index makes sign-up races safe. */
  @Property()
  @Unique()
  email!: string;

  @Property()
  @Field()
  name!: string;

  @Property({ nullable: true })
  phone?: string;

  @Property({ hidden: true })
  passwordHash!: string;

  @Property()
  @Field()
  emailVerified: boolean = false;

  /** Roles granted directly (CUSTOMER, ADMIN); SELLER follows from the seller profile. */
  @Property({ type: 'json' })
  baseRoles: Role[] = ['CUSTOMER'];

  @Enum(() => UserStatus)
  @Field(() => UserStatus)
  status: UserStatus = UserStatus.ACTIVE;

  @Property({ nullable: true })
  suspensionReason?: string;

  @Embedded(() => SellerProfile, { object: true, nullable: true })
  @Field(() => SellerProfile, { nullable: true })
  seller?: SellerProfile;

  /** Refresh tokens issued before this instant are no longer honoured. */
  @Property()
  sessionsValidAfter: Date = new Date(0);

  @Property()
  @Field()
  createdAt: Date = new Date();

  @Property({ onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;

  /** Roles a token carries: SELLER only once the application is approved. */
  @Field(() => [RoleEnum])
  get roles(): Role[] {
    const roles = new Set<Role>(this.baseRoles.filter((role) => role !== 'SELLER'));
    if (this.seller?.status === SellerStatus.APPROVED) roles.add('SELLER');
    return [...roles];
  }
}
