import { Connection } from '@bloom/kernel';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKey, ApiScope } from './api-key.entity.js';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "POS sync".' })
  name!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];
}

@ObjectType({ description: 'A new key. The secret is shown only here, once.' })
export class ApiKeyCreated {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'Send as the X-Api-Key header. Not retrievable later.' })
  secret!: string;
}

@ObjectType({ description: 'Who an API key acts for (gateway use only).' })
export class ApiKeyPrincipal {
  @Field(() => ID)
  apiKeyId!: string;

  @Field(() => ID)
  ownerUserId!: string;

  @Field(() => [String])
  scopes!: string[];
}

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus' });

export const ApiKeyConnection = Connection(ApiKey, 'ApiKeyConnection');

@InputType({ description: 'Filters for the admin API-key list; all optional and combined.' })
export class ApiKeyFilter {
  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field({ nullable: true, description: "Part of the owner's e-mail, any case." })
  ownerEmail?: string;

  @Field(() => ApiKeyStatus, { nullable: true })
  status?: ApiKeyStatus;
}
