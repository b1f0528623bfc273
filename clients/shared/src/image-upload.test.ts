import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS, imageFileProblem } from './image-upload.js';

describe('imageFileProblem', () => {
  it('accepts JPEG, PNG and WebP up to the limit', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp']) {
      expect(imageFileProblem({ type, size: IMAGE_LIMITS.maxBytes })).toBeNull();
    }
  });

  it('refuses other types and larger files in Korean', () => {
    expect(imageFileProblem({ type: 'image/gif', size: 10 })).toBe(
      'JPG, PNG, WebP 사진만 올릴 수 있어요.',
    );
    expect(imageFileProblem({ type: '', size: 10 })).not.toBeNull();
    expect(imageFileProblem({ type: 'image/png', size: IMAGE_LIMITS.maxBytes + 1 })).toBe(
      '사진은 한 장에 5MB까지 올릴 수 있어요.',
    );
  });

  it('follows the limits a ticket states', () => {
    const ticket = { maxBytes: 1024 * 1024, acceptedContentTypes: ['image/png'] };
    expect(imageFileProblem({ type: 'image/jpeg', size: 10 }, ticket)).not.toBeNull();
    expect(imageFileProblem({ type: 'image/png', size: 2 * 1024 * 1024 }, ticket)).toBe(
      '사진은 한 장에 1MB까지 올릴 수 있어요.',
    );
  });
});
