/** The image formats products and reviews accept, recognised by their first bytes. */
export type ImageType = { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; ext: string };

export const ACCEPTED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Sniffs the format from magic bytes; the declared Content-Type is never trusted on its own,
 * so a script or an HTML page cannot be stored and served back as an image.
 */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', ext: 'jpg' };
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG)) {
    return { contentType: 'image/png', ext: 'png' };
  }
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return { contentType: 'image/webp', ext: 'webp' };
  }
  return null;
}

const CONTENT_TYPE_BY_EXT: Record<string, ImageType['contentType']> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Image keys are `<32 hex>.<ext>`: random, so they cannot be guessed or collide. */
export const IMAGE_KEY = /^([a-f0-9]{32})\.(jpg|png|webp)$/;

export const contentTypeOfKey = (key: string): ImageType['contentType'] | null => {
  const match = IMAGE_KEY.exec(key);
  return match ? (CONTENT_TYPE_BY_EXT[match[2] ?? ''] ?? null) : null;
};
