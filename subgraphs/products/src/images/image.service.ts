import { InvalidInputError } from '@bloom/kernel';
import type { EntityManager } from '@mikro-orm/mongodb';
import type { ProductsDeps } from '../products.deps.js';
import type { ProductImage } from '../products/product.types.js';
import { ACCEPTED_CONTENT_TYPES, IMAGE_KEY } from './image-type.js';
import { ImageUpload } from './image-upload.entity.js';
import { ImageUploadTicket } from './image.types.js';

/** Signed upload URLs, and checks that attached image keys are real and the caller's own. */
export class ImageService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProductsDeps,
  ) {}

  createUpload(userId: string): ImageUploadTicket {
    const { config } = this.deps;
    const { token, grant } = this.deps.uploadTokens.issue(
      userId,
      config.UPLOAD_URL_TTL_SECONDS,
      this.deps.now(),
    );
    return Object.assign(new ImageUploadTicket(), {
      uploadUrl: `${this.deps.publicUrl()}/uploads/${token}`,
      method: 'PUT',
      expiresAt: new Date(grant.expiresAt * 1000),
      maxBytes: config.IMAGE_MAX_BYTES,
      acceptedContentTypes: [...ACCEPTED_CONTENT_TYPES],
    });
  }

  link(key: string): ProductImage {
    return { key, url: `${this.deps.publicUrl()}/images/${key}` };
  }

  /**
   * Image keys must have been uploaded by the caller (or already be attached to the thing
   * being edited), so nobody attaches another person's upload or a key that does not exist.
   */
  async checkKeys(
    field: string,
    keys: readonly string[],
    userId: string,
    max: number,
    alreadyAttached: readonly string[] = [],
  ): Promise<InvalidInputError | null> {
    if (keys.length > max) return InvalidInputError.of(field, `Attach at most ${max} images.`);
    if (new Set(keys).size !== keys.length) {
      return InvalidInputError.of(field, 'An image is attached twice.');
    }
    if (keys.some((key) => !IMAGE_KEY.test(key))) {
      return InvalidInputError.of(field, 'Use the image keys returned by the upload.');
    }
    const fresh = keys.filter((key) => !alreadyAttached.includes(key));
    if (fresh.length === 0) return null;
    const owned = await this.em.find(ImageUpload, { key: { $in: fresh }, ownerUserId: userId });
    return owned.length === fresh.length
      ? null
      : InvalidInputError.of(field, 'Some images were not uploaded by you.', 'UNKNOWN_IMAGE');
  }
}
