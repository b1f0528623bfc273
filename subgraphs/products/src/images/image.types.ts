import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A one-time upload URL: PUT the image bytes (JPEG, PNG or WebP) to it; the response ' +
    'body is JSON { key, url, contentType, size }, and the key goes into product or review inputs.',
})
export class ImageUploadTicket {
  @Field()
  uploadUrl!: string;

  @Field({ description: 'HTTP method to use.' })
  method!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => Int)
  maxBytes!: number;

  @Field(() => [String])
  acceptedContentTypes!: string[];
}
