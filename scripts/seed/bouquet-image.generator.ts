import { encodePng } from './png.encoder.js';

/**
 * Demo product pictures: a flat illustration of the product composed from its recipe (each
 * flower drawn in its own shape and colour, in proportion to its stems), with greenery, stems
 * and the category's wrapping (paper cone, basket, hat box or wreath stand). Rasterised here into
 * a PNG so no SVG (a script carrier) is ever uploaded; the same product always gets the same
 * bytes (the layout is drawn from a PRNG seeded by the product's name).
 */

export type ImageCategory = 'BOUQUET' | 'BASKET' | 'BOX' | 'WREATH';

export interface BouquetImageSpec {
  /** Seeds the layout: the product's name. */
  seed: string;
  /** Subscription products have none and are drawn as bouquets. */
  category: ImageCategory | null;
  /** [flowerId, stems] as in the product's recipe (ids from shared/data/catalog.json). */
  recipe: readonly (readonly [number, number])[];
}

type Rgb = readonly [number, number, number];
type Shape = 'rose' | 'cup' | 'daisy' | 'cluster' | 'sprig' | 'spike';

/** How each catalogue flower looks: petal colour, centre colour and silhouette. */
const FLOWERS: Record<number, { color: Rgb; center: Rgb; shape: Shape }> = {
  1: { color: [196, 24, 44], center: [120, 8, 24], shape: 'rose' },
  2: { color: [246, 243, 234], center: [222, 214, 196], shape: 'rose' },
  3: { color: [244, 140, 46], center: [196, 88, 24], shape: 'rose' },
  4: { color: [244, 162, 188], center: [214, 104, 140], shape: 'rose' },
  5: { color: [56, 92, 196], center: [28, 52, 140], shape: 'rose' },
  6: { color: [132, 64, 160], center: [84, 30, 110], shape: 'rose' },
  7: { color: [248, 212, 58], center: [214, 160, 20], shape: 'rose' },
  8: { color: [226, 208, 240], center: [150, 110, 190], shape: 'cup' },
  9: { color: [126, 152, 222], center: [96, 118, 196], shape: 'cluster' },
  10: { color: [150, 118, 200], center: [110, 80, 170], shape: 'spike' },
  11: { color: [250, 248, 232], center: [226, 200, 90], shape: 'daisy' },
  12: { color: [250, 198, 24], center: [110, 64, 24], shape: 'daisy' },
  13: { color: [230, 82, 112], center: [186, 40, 74], shape: 'cup' },
  14: { color: [250, 112, 60], center: [120, 60, 30], shape: 'daisy' },
  15: { color: [250, 228, 116], center: [226, 176, 40], shape: 'cup' },
  16: { color: [236, 72, 102], center: [170, 30, 60], shape: 'cup' },
  17: { color: [250, 170, 150], center: [214, 112, 96], shape: 'rose' },
  18: { color: [252, 252, 250], center: [230, 230, 222], shape: 'sprig' },
  19: { color: [140, 110, 192], center: [240, 240, 240], shape: 'sprig' },
  20: { color: [255, 255, 248], center: [244, 196, 40], shape: 'daisy' },
  21: { color: [250, 182, 202], center: [226, 120, 154], shape: 'rose' },
  22: { color: [72, 110, 212], center: [44, 70, 170], shape: 'spike' },
};
const UNKNOWN_FLOWER = { color: [220, 200, 210] as Rgb, center: [180, 150, 170] as Rgb };

const LEAF: Rgb = [78, 128, 72];
const LEAF_DARK: Rgb = [52, 96, 56];
const STEM: Rgb = [92, 132, 70];
const WRAPS: Rgb[] = [
  [214, 182, 140],
  [238, 214, 218],
  [226, 230, 238],
  [244, 236, 220],
  [40, 44, 52],
];

/** mulberry32 over an FNV-1a hash of the seed: tiny, fast and the same on every machine. */
function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** A canvas of floats with a few anti-aliased primitives (coverage from a 3×3 subsample). */
class Canvas {
  readonly pixels: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Float32Array(width * height * 3);
  }

  /** Paints every pixel where `inside(x, y)` holds, within the box, blending by coverage. */
  private fill(
    box: [number, number, number, number],
    color: Rgb,
    alpha: number,
    inside: (x: number, y: number) => boolean,
  ): void {
    const x0 = Math.max(0, Math.floor(box[0]));
    const y0 = Math.max(0, Math.floor(box[1]));
    const x1 = Math.min(this.width - 1, Math.ceil(box[2]));
    const y1 = Math.min(this.height - 1, Math.ceil(box[3]));
    for (let y = y0; y <= y1; y += 1) {
      for (let x = x0; x <= x1; x += 1) {
        let hits = 0;
        for (let sy = 0; sy < 3; sy += 1) {
          for (let sx = 0; sx < 3; sx += 1) {
            if (inside(x + (sx + 0.5) / 3, y + (sy + 0.5) / 3)) hits += 1;
          }
        }
        if (hits === 0) continue;
        const a = (alpha * hits) / 9;
        const i = (y * this.width + x) * 3;
        for (let c = 0; c < 3; c += 1) {
          const current = this.pixels[i + c] ?? 0;
          this.pixels[i + c] = current + ((color[c] ?? 0) - current) * a;
        }
      }
    }
  }

  background(top: Rgb, bottom: Rgb): void {
    for (let y = 0; y < this.height; y += 1) {
      const color = mix(top, bottom, y / this.height);
      for (let x = 0; x < this.width; x += 1) this.pixels.set(color, (y * this.width + x) * 3);
    }
  }

  /** An ellipse with radii rx, ry turned by `angle` radians. */
  ellipse(cx: number, cy: number, rx: number, ry: number, angle: number, color: Rgb, alpha = 1) {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const r = Math.max(rx, ry);
    this.fill([cx - r, cy - r, cx + r, cy + r], color, alpha, (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      const u = (dx * cos + dy * sin) / rx;
      const v = (-dx * sin + dy * cos) / ry;
      return u * u + v * v <= 1;
    });
  }

  circle(cx: number, cy: number, r: number, color: Rgb, alpha = 1): void {
    this.ellipse(cx, cy, r, r, 0, color, alpha);
  }

  /** A convex or concave polygon, by the even-odd rule. */
  polygon(points: readonly (readonly [number, number])[], color: Rgb, alpha = 1): void {
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    const box: [number, number, number, number] = [
      Math.min(...xs),
      Math.min(...ys),
      Math.max(...xs),
      Math.max(...ys),
    ];
    this.fill(box, color, alpha, (x, y) => {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
        const [xi, yi] = points[i] ?? [0, 0];
        const [xj, yj] = points[j] ?? [0, 0];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    });
  }

  /** A line with round ends. */
  line(ax: number, ay: number, bx: number, by: number, width: number, color: Rgb): void {
    const r = width / 2;
    const lx = bx - ax;
    const ly = by - ay;
    const length2 = lx * lx + ly * ly || 1;
    const box: [number, number, number, number] = [
      Math.min(ax, bx) - r,
      Math.min(ay, by) - r,
      Math.max(ax, bx) + r,
      Math.max(ay, by) + r,
    ];
    this.fill(box, color, 1, (x, y) => {
      const t = Math.max(0, Math.min(1, ((x - ax) * lx + (y - ay) * ly) / length2));
      const dx = x - (ax + t * lx);
      const dy = y - (ay + t * ly);
      return dx * dx + dy * dy <= r * r;
    });
  }

  toRgb(): Uint8Array {
    const out = new Uint8Array(this.pixels.length);
    for (let i = 0; i < out.length; i += 1) {
      out[i] = Math.max(0, Math.min(255, Math.round(this.pixels[i] ?? 0)));
    }
    return out;
  }
}

interface Bloom {
  x: number;
  y: number;
  r: number;
  flowerId: number;
  turn: number;
}

function drawBloom(canvas: Canvas, bloom: Bloom, random: () => number): void {
  const look = FLOWERS[bloom.flowerId];
  const color = look?.color ?? UNKNOWN_FLOWER.color;
  const center = look?.center ?? UNKNOWN_FLOWER.center;
  const shade = mix(color, [40, 30, 40], 0.22);
  const light = mix(color, [255, 255, 255], 0.35);
  const { x, y, r, turn } = bloom;
  switch (look?.shape ?? 'cup') {
    case 'rose': {
      canvas.circle(x, y + r * 0.08, r, shade);
      canvas.circle(x, y, r * 0.94, color);
      // Petal rings spiralling in, each a little darker towards the heart.
      for (let ring = 0; ring < 3; ring += 1) {
        const rr = r * (0.72 - ring * 0.2);
        const offset = r * 0.06 * (ring % 2 === 0 ? 1 : -1);
        canvas.circle(x + offset, y - offset, rr, mix(color, center, 0.25 + ring * 0.22));
        canvas.ellipse(x - offset, y + rr * 0.35, rr * 0.9, rr * 0.45, turn, light, 0.45);
      }
      canvas.circle(x, y, r * 0.14, center);
      break;
    }
    case 'cup': {
      const petals = 5;
      for (let i = 0; i < petals; i += 1) {
        const a = turn + (i / petals) * Math.PI * 2;
        const px = x + Math.cos(a) * r * 0.45;
        const py = y + Math.sin(a) * r * 0.45;
        canvas.ellipse(px, py + r * 0.05, r * 0.58, r * 0.4, a, shade);
        canvas.ellipse(px, py, r * 0.54, r * 0.36, a, color);
        canvas.ellipse(px, py, r * 0.3, r * 0.16, a, light, 0.5);
      }
      canvas.circle(x, y, r * 0.24, center);
      break;
    }
    case 'daisy': {
      const petals = 14;
      for (let i = 0; i < petals; i += 1) {
        const a = turn + (i / petals) * Math.PI * 2;
        canvas.ellipse(
          x + Math.cos(a) * r * 0.58,
          y + Math.sin(a) * r * 0.58,
          r * 0.44,
          r * 0.13,
          a,
          i % 2 === 0 ? color : mix(color, shade, 0.4),
        );
      }
      canvas.circle(x, y, r * 0.34, center);
      canvas.circle(x - r * 0.08, y - r * 0.08, r * 0.14, mix(center, [255, 255, 255], 0.25));
      break;
    }
    case 'cluster': {
      canvas.circle(x, y, r, shade);
      for (let i = 0; i < 26; i += 1) {
        const a = random() * Math.PI * 2;
        const d = Math.sqrt(random()) * r * 0.82;
        const fx = x + Math.cos(a) * d;
        const fy = y + Math.sin(a) * d;
        canvas.circle(fx, fy, r * 0.2, mix(color, light, random() * 0.6));
        canvas.circle(fx, fy, r * 0.05, center);
      }
      break;
    }
    case 'sprig': {
      for (let i = 0; i < 18; i += 1) {
        const a = random() * Math.PI * 2;
        const d = Math.sqrt(random()) * r;
        const fx = x + Math.cos(a) * d;
        const fy = y + Math.sin(a) * d;
        canvas.line(x, y + r * 0.6, fx, fy, Math.max(1, r * 0.04), STEM);
        canvas.circle(fx, fy, r * 0.12, color);
        canvas.circle(fx, fy, r * 0.05, center);
      }
      break;
    }
    case 'spike': {
      // Florets up a stalk, largest at the bottom.
      for (let i = 0; i < 9; i += 1) {
        const t = i / 8;
        const fy = y + r * 0.9 - t * r * 2;
        const size = r * (0.34 - t * 0.18);
        canvas.circle(x - size * 0.6, fy, size, i % 2 === 0 ? color : shade);
        canvas.circle(x + size * 0.6, fy - size * 0.4, size, i % 2 === 0 ? shade : color);
      }
      break;
    }
  }
}

/** The blooms the picture shows: about one per stem, at most 17, every flower at least once. */
function bloomList(recipe: BouquetImageSpec['recipe'], random: () => number): number[] {
  const stems = recipe.reduce((sum, [, count]) => sum + Math.max(0, count), 0) || 1;
  const total = Math.max(recipe.length, Math.min(17, stems));
  const list: number[] = [];
  for (const [flowerId, count] of recipe) {
    const share = Math.max(1, Math.round((total * Math.max(0, count)) / stems));
    for (let i = 0; i < share; i += 1) list.push(flowerId);
  }
  if (list.length === 0) list.push(1);
  // A deterministic shuffle so flowers mingle rather than sit in bands.
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] ?? 1, list[i] ?? 1];
  }
  return list;
}

/** Blooms spread over a dome (or a ring, for wreaths), back ones first. */
function layout(
  flowers: number[],
  center: [number, number],
  radii: [number, number],
  bloomSize: number,
  ring: boolean,
  random: () => number,
): Bloom[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const blooms = flowers.map((flowerId, i) => {
    const t = (i + 0.5) / flowers.length;
    const a = i * golden + random() * 0.5;
    const d = ring ? 0.82 + random() * 0.12 : Math.sqrt(t) * 0.92;
    const small = FLOWERS[flowerId]?.shape === 'sprig' || FLOWERS[flowerId]?.shape === 'spike';
    return {
      x: center[0] + Math.cos(a) * radii[0] * d,
      y: center[1] + Math.sin(a) * radii[1] * d,
      r: bloomSize * (0.85 + random() * 0.3) * (small ? 0.8 : 1),
      flowerId,
      turn: random() * Math.PI,
    };
  });
  return blooms.sort((a, b) => a.y - b.y);
}

/** Renders the product's picture as a square PNG of `size` pixels. */
export function bouquetImage(spec: BouquetImageSpec, size = 480): Buffer {
  const random = prng(`${spec.seed}|${spec.category ?? 'BOUQUET'}`);
  const s = size / 480;
  const canvas = new Canvas(size, size);
  canvas.background([250, 245, 238], [236, 226, 214]);
  canvas.ellipse(240 * s, 440 * s, 170 * s, 22 * s, 0, [214, 200, 186]);

  const flowers = bloomList(spec.recipe, random);
  const wrap = WRAPS[Math.floor(random() * WRAPS.length)] ?? WRAPS[0] ?? [214, 182, 140];
  const wrapShade = mix(wrap, [60, 40, 30], 0.18);
  const leaves = (cx: number, cy: number, spread: number, count: number) => {
    for (let i = 0; i < count; i += 1) {
      const a = (i / count) * Math.PI * 2 + random() * 0.4;
      canvas.ellipse(
        cx + Math.cos(a) * spread,
        cy + Math.sin(a) * spread * 0.7,
        38 * s,
        14 * s,
        a,
        i % 2 === 0 ? LEAF : LEAF_DARK,
      );
    }
  };

  switch (spec.category ?? 'BOUQUET') {
    case 'BOUQUET': {
      // Stems gathered at the tie, paper cone in front, blooms on top.
      for (let i = 0; i < 7; i += 1) {
        canvas.line(240 * s, 330 * s, (200 + i * 13) * s, 430 * s, 6 * s, STEM);
      }
      canvas.polygon(
        [
          [120 * s, 170 * s],
          [360 * s, 170 * s],
          [262 * s, 360 * s],
          [218 * s, 360 * s],
        ],
        wrapShade,
      );
      leaves(240 * s, 170 * s, 110 * s, 9);
      for (const bloom of layout(
        flowers,
        [240 * s, 165 * s],
        [115 * s, 85 * s],
        34 * s,
        false,
        random,
      )) {
        drawBloom(canvas, bloom, random);
      }
      canvas.polygon(
        [
          [150 * s, 220 * s],
          [240 * s, 250 * s],
          [330 * s, 220 * s],
          [258 * s, 370 * s],
          [222 * s, 370 * s],
        ],
        wrap,
      );
      canvas.polygon(
        [
          [240 * s, 250 * s],
          [330 * s, 220 * s],
          [258 * s, 370 * s],
        ],
        wrapShade,
        0.5,
      );
      canvas.ellipse(240 * s, 335 * s, 30 * s, 9 * s, 0, [196, 60, 80]);
      canvas.ellipse(218 * s, 345 * s, 18 * s, 7 * s, 0.9, [196, 60, 80]);
      canvas.ellipse(262 * s, 345 * s, 18 * s, 7 * s, -0.9, [196, 60, 80]);
      break;
    }
    case 'BASKET': {
      leaves(240 * s, 230 * s, 120 * s, 10);
      for (const bloom of layout(
        flowers,
        [240 * s, 215 * s],
        [135 * s, 80 * s],
        36 * s,
        false,
        random,
      )) {
        drawBloom(canvas, bloom, random);
      }
      const basket: Rgb = [176, 124, 74];
      canvas.polygon(
        [
          [100 * s, 270 * s],
          [380 * s, 270 * s],
          [340 * s, 430 * s],
          [140 * s, 430 * s],
        ],
        basket,
      );
      for (let row = 0; row < 6; row += 1) {
        const y = (286 + row * 26) * s;
        canvas.line(
          (106 + row * 6) * s,
          y,
          (374 - row * 6) * s,
          y,
          5 * s,
          mix(basket, [90, 60, 30], 0.4),
        );
      }
      canvas.ellipse(240 * s, 270 * s, 145 * s, 14 * s, 0, mix(basket, [255, 240, 220], 0.2));
      break;
    }
    case 'BOX': {
      // Blooms first, then the box's front over their lower halves: they sit inside it.
      leaves(240 * s, 235 * s, 100 * s, 8);
      for (const bloom of layout(
        flowers,
        [240 * s, 225 * s],
        [120 * s, 50 * s],
        34 * s,
        false,
        random,
      )) {
        drawBloom(canvas, bloom, random);
      }
      canvas.polygon(
        [
          [110 * s, 265 * s],
          [370 * s, 265 * s],
          [370 * s, 430 * s],
          [110 * s, 430 * s],
        ],
        wrap,
      );
      canvas.polygon(
        [
          [300 * s, 265 * s],
          [370 * s, 265 * s],
          [370 * s, 430 * s],
          [300 * s, 430 * s],
        ],
        wrapShade,
        0.45,
      );
      canvas.line(110 * s, 340 * s, 370 * s, 340 * s, 14 * s, [196, 60, 80]);
      break;
    }
    case 'WREATH': {
      const stand: Rgb = [150, 110, 70];
      canvas.line(240 * s, 300 * s, 160 * s, 440 * s, 10 * s, stand);
      canvas.line(240 * s, 300 * s, 320 * s, 440 * s, 10 * s, stand);
      canvas.line(240 * s, 300 * s, 240 * s, 445 * s, 10 * s, stand);
      canvas.circle(240 * s, 190 * s, 150 * s, LEAF_DARK);
      canvas.circle(240 * s, 190 * s, 96 * s, [244, 238, 230]);
      for (const bloom of layout(
        flowers.concat(flowers),
        [240 * s, 190 * s],
        [124 * s, 124 * s],
        28 * s,
        true,
        random,
      )) {
        drawBloom(canvas, bloom, random);
      }
      canvas.polygon(
        [
          [150 * s, 330 * s],
          [330 * s, 330 * s],
          [320 * s, 380 * s],
          [160 * s, 380 * s],
        ],
        [250, 250, 246],
      );
      break;
    }
  }
  return encodePng(size, size, canvas.toRgb());
}
