import { Access, requireUser } from '@bloom/kernel';
import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { ImageUploadTicket } from './image.types.js';

@Resolver()
export class ImageResolver {
  @Access('signed-in')
  @Mutation(() => ImageUploadTicket, {
    description: 'A one-time, expiring URL to upload a product or review image to.',
  })
  createImageUpload(@Ctx() ctx: ProductsContext) {
    return ctx.services.images.createUpload(requireUser(ctx.caller).userId);
  }
}
