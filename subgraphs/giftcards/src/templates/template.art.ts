import type { TemplateColorValue } from '../catalog/catalog.data.js';
import type { MotifKey, TemplateDefinition } from './template.catalog.js';

/**
 * Card fronts drawn in code: deterministic (the same key always gives the same bytes, so the
 * ETag is stable across replicas) and nothing to upload or migrate. 600×840 (5:7, a florist's
 * card), soft paper background, one motif per design in the colour's palette.
 */

interface Palette {
  paper: [string, string];
  blooms: string[];
  deep: string;
  leaf: string;
  center: string;
}

const PALETTES: Record<TemplateColorValue, Palette> = {
  MIX: {
    paper: ['#FFF9F2', '#FBEDE3'],
    blooms: ['#EE8FA6', '#F4BE55', '#A98BD3', '#7FA8DA', '#F29C7A'],
    deep: '#8C5A6B',
    leaf: '#86A97E',
    center: '#FFF1C7',
  },
  PINK: {
    paper: ['#FFF6F8', '#FBDDE5'],
    blooms: ['#F3A7B9', '#E8839B', '#D4607F', '#F7C6D2'],
    deep: '#B2486A',
    leaf: '#8DAF86',
    center: '#FFE9A8',
  },
  PURPLE: {
    paper: ['#FAF6FD', '#E9DDF5'],
    blooms: ['#C3A8E3', '#A486D0', '#7E5FB1', '#DCCBF0'],
    deep: '#5E4390',
    leaf: '#88A592',
    center: '#FFF0B8',
  },
  YELLOW: {
    paper: ['#FFFCEF', '#FCEFB8'],
    blooms: ['#F7CF5C', '#F2B84B', '#E59A22', '#FBE08E'],
    deep: '#A86E0A',
    leaf: '#93AA62',
    center: '#B8742A',
  },
  BLUE: {
    paper: ['#F5F9FE', '#D9E7F6'],
    blooms: ['#9CBEE6', '#6E9BD3', '#4A78B4', '#C6DBF3'],
    deep: '#2F5A8F',
    leaf: '#79A49D',
    center: '#FFF3C2',
  },
  WHITE: {
    paper: ['#FFFFFF', '#F4F1EA'],
    blooms: ['#FFFFFF', '#F6F2E8', '#ECE5D6', '#FBF9F4'],
    deep: '#A8905C',
    leaf: '#9DB59A',
    center: '#E9CF86',
  },
};

const W = 600;
const H = 840;

/** mulberry32: tiny seeded PRNG so scattered motifs are identical on every replica. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function blossom(
  cx: number,
  cy: number,
  radius: number,
  color: string,
  center: string,
  petals = 6,
  turn = 0,
): string {
  const petal = radius * 0.55;
  const shapes = Array.from({ length: petals }, (_, i) => {
    const angle = turn + (360 / petals) * i;
    return `<ellipse cx="${r1(cx)}" cy="${r1(cy - petal)}" rx="${r1(radius * 0.42)}" ry="${r1(petal)}" transform="rotate(${r1(angle)} ${r1(cx)} ${r1(cy)})"/>`;
  }).join('');
  return `<g fill="${color}" stroke="rgba(0,0,0,0.06)" stroke-width="1">${shapes}</g><circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(radius * 0.28)}" fill="${center}"/>`;
}

/** A layered rose seen from above: concentric rings of petals. */
function rose(cx: number, cy: number, radius: number, color: string, deep: string): string {
  const rings = [1, 0.72, 0.45]
    .map((scale, ring) => {
      const count = 7 - ring;
      const r = radius * scale;
      return Array.from({ length: count }, (_, i) => {
        const angle = (360 / count) * i + ring * 24;
        return `<ellipse cx="${r1(cx)}" cy="${r1(cy - r * 0.45)}" rx="${r1(r * 0.5)}" ry="${r1(r * 0.55)}" fill="${ring === 2 ? deep : color}" fill-opacity="${ring === 2 ? 0.55 : 0.92}" transform="rotate(${angle} ${r1(cx)} ${r1(cy)})"/>`;
      }).join('');
    })
    .join('');
  return `<g stroke="rgba(255,255,255,0.55)" stroke-width="1.5">${rings}</g><circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(radius * 0.14)}" fill="${deep}" fill-opacity="0.6"/>`;
}

function leaf(x: number, y: number, length: number, angle: number, color: string): string {
  const w = length * 0.32;
  return `<path d="M0 0 Q ${r1(w)} ${r1(-length / 2)} 0 ${r1(-length)} Q ${r1(-w)} ${r1(-length / 2)} 0 0 Z" fill="${color}" transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(angle)})"/><path d="M0 0 L0 ${r1(-length * 0.9)}" stroke="rgba(255,255,255,0.5)" stroke-width="1.5" transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(angle)})"/>`;
}

function stem(x1: number, y1: number, x2: number, y2: number, bend: number, color: string): string {
  const mx = (x1 + x2) / 2 + bend;
  const my = (y1 + y2) / 2;
  return `<path d="M${r1(x1)} ${r1(y1)} Q ${r1(mx)} ${r1(my)} ${r1(x2)} ${r1(y2)}" stroke="${color}" stroke-width="4" fill="none" stroke-linecap="round"/>`;
}

function tulip(x: number, y: number, size: number, color: string, deep: string, leafColor: string) {
  const s = size;
  return [
    stem(x, y + s * 2.6, x, y + s * 0.4, s * 0.15, leafColor),
    leaf(x, y + s * 2.5, s * 1.4, -28, leafColor),
    `<path d="M${r1(x - s * 0.6)} ${r1(y - s * 0.2)} Q ${r1(x - s * 0.65)} ${r1(y + s * 0.75)} ${r1(x)} ${r1(y + s * 0.75)} Q ${r1(x + s * 0.65)} ${r1(y + s * 0.75)} ${r1(x + s * 0.6)} ${r1(y - s * 0.2)} L ${r1(x + s * 0.3)} ${r1(y + s * 0.1)} L ${r1(x)} ${r1(y - s * 0.45)} L ${r1(x - s * 0.3)} ${r1(y + s * 0.1)} Z" fill="${color}"/>`,
    `<path d="M${r1(x)} ${r1(y - s * 0.45)} L ${r1(x + s * 0.3)} ${r1(y + s * 0.1)} Q ${r1(x + s * 0.1)} ${r1(y + s * 0.5)} ${r1(x)} ${r1(y + s * 0.7)} Z" fill="${deep}" fill-opacity="0.25"/>`,
  ].join('');
}

function heart(x: number, y: number, s: number, color: string, opacity: number, turn: number) {
  return `<path d="M0 ${r1(s * 0.3)} C ${r1(-s)} ${r1(-s * 0.4)} ${r1(-s * 0.45)} ${r1(-s)} 0 ${r1(-s * 0.45)} C ${r1(s * 0.45)} ${r1(-s)} ${r1(s)} ${r1(-s * 0.4)} 0 ${r1(s * 0.3)} Z" fill="${color}" fill-opacity="${opacity}" transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(turn)})"/>`;
}

function sprig(x: number, y: number, length: number, angle: number, p: Palette, bloom: string) {
  const parts = [`<path d="M0 0 L0 ${r1(-length)}" stroke="${p.leaf}" stroke-width="3"/>`];
  for (let i = 1; i <= 4; i++) {
    const at = -length * (i / 5);
    parts.push(leaf(0, at, length * 0.22, i % 2 ? 50 : -50, p.leaf));
  }
  parts.push(blossom(0, -length, length * 0.13, bloom, p.center, 5));
  return `<g transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(angle)})">${parts.join('')}</g>`;
}

const pick = <T>(list: T[], i: number): T => list[i % list.length]!;

function motif(kind: MotifKey, p: Palette, rnd: () => number): string {
  const out: string[] = [];
  switch (kind) {
    case 'bouquet': {
      for (const [dx, a] of [
        [-70, -35],
        [70, 35],
        [-20, -12],
        [30, 15],
      ] as const)
        out.push(leaf(300 + dx * 0.4, 520, 150, a, p.leaf));
      out.push(stem(300, 700, 300, 470, -6, p.leaf), stem(290, 700, 240, 470, 10, p.leaf));
      out.push(stem(310, 700, 360, 470, -10, p.leaf));
      out.push(
        `<path d="M250 610 L350 610 L330 700 L270 700 Z" fill="${p.deep}" fill-opacity="0.18"/>`,
      );
      out.push(
        `<path d="M262 640 Q300 620 338 640" stroke="${p.deep}" stroke-width="5" fill="none"/>`,
      );
      const spots = [
        [300, 400, 62],
        [220, 440, 50],
        [382, 440, 50],
        [258, 352, 42],
        [345, 350, 44],
        [300, 478, 40],
      ] as const;
      spots.forEach(([x, y, r], i) =>
        out.push(
          i % 2
            ? blossom(x, y, r, pick(p.blooms, i), p.center, 6, i * 13)
            : rose(x, y, r, pick(p.blooms, i), p.deep),
        ),
      );
      break;
    }
    case 'petals': {
      for (let i = 0; i < 38; i++) {
        const x = rnd() * W;
        const y = rnd() * H;
        const s = 10 + rnd() * 18;
        out.push(
          `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="${r1(s * 0.55)}" ry="${r1(s)}" fill="${pick(p.blooms, i)}" fill-opacity="${r1(0.55 + rnd() * 0.4)}" transform="rotate(${r1(rnd() * 360)} ${r1(x)} ${r1(y)})"/>`,
        );
      }
      out.push(rose(300, 420, 92, pick(p.blooms, 1), p.deep));
      break;
    }
    case 'wreath': {
      const radius = 170;
      for (let i = 0; i < 28; i++) {
        const a = (i / 28) * Math.PI * 2;
        const x = 300 + Math.cos(a) * radius;
        const y = 420 + Math.sin(a) * radius;
        out.push(leaf(x, y, 56, (a * 180) / Math.PI + (i % 2 ? 20 : 160), p.leaf));
      }
      for (let i = 0; i < 9; i++) {
        const a = (i / 9) * Math.PI * 2 + 0.3;
        out.push(
          blossom(
            300 + Math.cos(a) * radius,
            420 + Math.sin(a) * radius,
            26 + (i % 3) * 6,
            pick(p.blooms, i),
            p.center,
            5 + (i % 2),
            i * 20,
          ),
        );
      }
      out.push(
        `<path d="M280 600 Q300 585 320 600 L332 640 L300 618 L268 640 Z" fill="${p.deep}" fill-opacity="0.55"/>`,
      );
      break;
    }
    case 'tulips': {
      out.push(
        `<path d="M0 760 Q300 700 600 760 L600 840 L0 840 Z" fill="${p.leaf}" fill-opacity="0.25"/>`,
      );
      [140, 230, 320, 410, 480].forEach((x, i) =>
        out.push(tulip(x, 470 + (i % 2) * 60, 46 + (i % 3) * 6, pick(p.blooms, i), p.deep, p.leaf)),
      );
      break;
    }
    case 'confetti': {
      for (let i = 0; i < 70; i++) {
        out.push(
          `<circle cx="${r1(rnd() * W)}" cy="${r1(rnd() * H)}" r="${r1(4 + rnd() * 14)}" fill="${pick(p.blooms, i)}" fill-opacity="${r1(0.35 + rnd() * 0.5)}"/>`,
        );
      }
      out.push(`<circle cx="300" cy="420" r="150" fill="#FFFFFF" fill-opacity="0.7"/>`);
      out.push(blossom(300, 420, 90, pick(p.blooms, 2), p.center, 8));
      break;
    }
    case 'sprigs': {
      out.push(
        sprig(70, 300, 260, 35, p, pick(p.blooms, 0)),
        sprig(530, 300, 260, -35, p, pick(p.blooms, 1)),
      );
      out.push(
        sprig(90, 840, 300, 25, p, pick(p.blooms, 2)),
        sprig(510, 840, 300, -25, p, pick(p.blooms, 3)),
      );
      out.push(sprig(300, 860, 280, 0, p, pick(p.blooms, 1)));
      break;
    }
    case 'bloom': {
      for (let i = -6; i < 14; i++) {
        out.push(
          `<path d="M${i * 70} 0 L${i * 70 + 420} 840" stroke="${pick(p.blooms, 3)}" stroke-opacity="0.35" stroke-width="18"/>`,
        );
      }
      out.push(
        stem(300, 800, 300, 460, 30, p.leaf),
        leaf(305, 700, 140, 45, p.leaf),
        leaf(298, 640, 120, -50, p.leaf),
      );
      out.push(rose(300, 390, 120, pick(p.blooms, 1), p.deep));
      break;
    }
    case 'hearts': {
      for (let i = 0; i < 26; i++) {
        out.push(
          heart(
            rnd() * W,
            rnd() * H,
            12 + rnd() * 22,
            pick(p.blooms, i),
            r1(0.4 + rnd() * 0.5),
            rnd() * 40 - 20,
          ),
        );
      }
      out.push(heart(300, 430, 130, pick(p.blooms, 1), 0.95, 0));
      out.push(blossom(300, 390, 40, '#FFFFFF', p.center, 6));
      break;
    }
    case 'arch': {
      out.push(
        `<path d="M110 800 L110 400 A190 190 0 0 1 490 400 L490 800" fill="#FFFFFF" fill-opacity="0.6" stroke="${p.deep}" stroke-opacity="0.35" stroke-width="4"/>`,
      );
      for (let i = 0; i <= 16; i++) {
        const a = Math.PI + (i / 16) * Math.PI;
        const x = 300 + Math.cos(a) * 190;
        const y = 400 + Math.sin(a) * 190;
        out.push(leaf(x, y, 44, (a * 180) / Math.PI - 90 + (i % 2 ? 35 : -35), p.leaf));
        if (i % 2 === 0)
          out.push(blossom(x, y, 22 + (i % 3) * 5, pick(p.blooms, i / 2), p.center, 5, i * 9));
      }
      for (const x of [110, 490]) {
        for (let y = 430; y < 800; y += 70) out.push(leaf(x, y, 40, x < 300 ? -30 : 30, p.leaf));
      }
      break;
    }
  }
  return out.join('');
}

/** The card front of one template, as a self-contained SVG document. */
export function renderTemplateSvg(template: TemplateDefinition): string {
  const palette = PALETTES[template.color];
  const rnd = random(template.key);
  const id = template.key.toLowerCase();
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${template.name.en}">`,
    `<defs><linearGradient id="paper-${id}" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="${palette.paper[0]}"/><stop offset="1" stop-color="${palette.paper[1]}"/></linearGradient><clipPath id="edge-${id}"><rect width="${W}" height="${H}" rx="28"/></clipPath></defs>`,
    `<rect width="${W}" height="${H}" rx="28" fill="url(#paper-${id})"/>`,
    // Scattered motifs stop at the card's rounded edge.
    `<g clip-path="url(#edge-${id})">${motif(template.motif, palette, rnd)}</g>`,
    `<rect x="18" y="18" width="${W - 36}" height="${H - 36}" rx="20" fill="none" stroke="${palette.deep}" stroke-opacity="0.28" stroke-width="2"/>`,
    `<text x="300" y="130" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-style="italic" font-size="44" fill="${palette.deep}" fill-opacity="0.85">for you</text>`,
    `</svg>`,
  ].join('');
}

/** Colours of the recipient's page, matched to the card's design. */
export function pageTheme(color: TemplateColorValue): { top: string; bottom: string; ink: string } {
  const palette = PALETTES[color];
  return { top: palette.paper[0], bottom: palette.paper[1], ink: palette.deep };
}
