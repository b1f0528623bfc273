import { ConfigError } from '@bloom/kernel';
import { describe, expect, it } from 'vitest';
import { loadProductsConfig } from './products.config.js';

const base = { CALLER_SIGNING_SECRET: 'x'.repeat(32) };

function problems(env: Record<string, string>): string[] {
  try {
    loadProductsConfig({ ...base, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('products image storage config', () => {
  it('keeps images on local disk unless told otherwise', () => {
    const config = loadProductsConfig(base);
    expect(config.IMAGE_STORAGE).toBe('local');
    expect(config.S3_REGION).toBe('ap-northeast-2');
    expect(config.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it('needs a bucket and credentials for s3, and says which are missing', () => {
    expect(problems({ IMAGE_STORAGE: 's3' })).toEqual([
      'S3_BUCKET: is required when IMAGE_STORAGE=s3',
      'S3_ACCESS_KEY_ID: is required when IMAGE_STORAGE=s3',
      'S3_SECRET_ACCESS_KEY: is required when IMAGE_STORAGE=s3',
    ]);
    // Empty values count as unset (loadConfig drops them), as compose's ${X:-} gives them.
    expect(problems({ IMAGE_STORAGE: 's3', S3_BUCKET: '', S3_ACCESS_KEY_ID: 'id' })).toEqual([
      'S3_BUCKET: is required when IMAGE_STORAGE=s3',
      'S3_SECRET_ACCESS_KEY: is required when IMAGE_STORAGE=s3',
    ]);
  });

  it('accepts a complete s3 set-up and refuses malformed values', () => {
    const config = loadProductsConfig({
      ...base,
      IMAGE_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'bloom-product-images',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config).toMatchObject({ IMAGE_STORAGE: 's3', S3_FORCE_PATH_STYLE: true });
    const refused = problems({
      IMAGE_STORAGE: 'gcs',
      S3_ENDPOINT: 'ftp://example.com',
      S3_BUCKET: 'Not_A_Bucket',
      S3_FORCE_PATH_STYLE: 'yes',
    }).map((problem) => problem.split(':')[0]);
    expect(refused).toEqual(['IMAGE_STORAGE', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE']);
  });
});
