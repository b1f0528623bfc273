import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type BouquetImageSpec, bouquetImage } from '../bouquet-image.generator.js';
import { PNG_SIGNATURE } from '../png.encoder.js';

/** Decodes the encoder's own output (one IDAT, filter 0 rows) back to RGB pixels. */
function decode(png: Buffer): { width: number; height: number; rgb: Buffer } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([...png.subarray(24, 29)]).toEqual([8, 2, 0, 0, 0]);
  const idat = png.indexOf('IDAT', 0, 'latin1');
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  expect(rows.length).toBe((1 + width * 3) * height);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    expect(rows[y * (1 + width * 3)]).toBe(0);
    rows.copy(rgb, y * width * 3, y * (1 + width * 3) + 1, (y + 1) * (1 + width * 3));
  }
  return { width, height, rgb };
}

/** Pixels within a small distance of a colour. */
function countNear(rgb: Buffer, [r, g, b]: [number, number, number]): number {
  let count = 0;
  for (let i = 0; i < rgb.length; i += 3) {
    const d =
      Math.abs((rgb[i] ?? 0) - r) +
      Math.abs((rgb[i + 1] ?? 0) - g) +
      Math.abs((rgb[i + 2] ?? 0) - b);
    if (d < 24) count += 1;
  }
  return count;
}

const ROSES: BouquetImageSpec = {
  seed: '빨간 장미 다발',
  category: 'BOUQUET',
  recipe: [
    [1, 12],
    [18, 3],
  ],
};
const SUNFLOWERS: BouquetImageSpec = {
  seed: '해바라기 바구니',
  category: 'BASKET',
  recipe: [[12, 8]],
};

describe('demo product pictures', () => {
  it('are valid PNGs of the asked size, small enough to upload', () => {
    const png = bouquetImage(ROSES, 240);
    const { width, height } = decode(png);
    expect([width, height]).toEqual([240, 240]);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
    expect(png.length).toBeLessThan(5 * 1024 * 1024);
  });

  it('are the same bytes for the same product and differ between products', () => {
    expect(bouquetImage(ROSES, 160).equals(bouquetImage(ROSES, 160))).toBe(true);
    expect(
      bouquetImage(ROSES, 160).equals(bouquetImage({ ...ROSES, seed: '다른 이름' }, 160)),
    ).toBe(false);
    expect(
      bouquetImage(ROSES, 160).equals(bouquetImage({ ...ROSES, category: 'WREATH' }, 160)),
    ).toBe(false);
  });

  it('show the recipe’s flowers in their colours', () => {
    const roses = decode(bouquetImage(ROSES, 200)).rgb;
    const sunflowers = decode(bouquetImage(SUNFLOWERS, 200)).rgb;
    const red: [number, number, number] = [196, 24, 44];
    const yellow: [number, number, number] = [250, 198, 24];
    expect(countNear(roses, red)).toBeGreaterThan(500);
    expect(countNear(sunflowers, red)).toBe(0);
    expect(countNear(sunflowers, yellow)).toBeGreaterThan(500);
    expect(countNear(roses, yellow)).toBe(0);
  });

  it('draws every category and subscriptions without a category', () => {
    for (const category of ['BOUQUET', 'BASKET', 'BOX', 'WREATH', null] as const) {
      const { rgb } = decode(bouquetImage({ ...ROSES, category }, 120));
      expect(countNear(rgb, [196, 24, 44])).toBeGreaterThan(50);
    }
  });
});
