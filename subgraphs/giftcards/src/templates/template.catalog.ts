import { type TemplateColorValue, templateColors } from '../catalog/catalog.data.js';

/** The motif each design number draws; colours with fewer designs use the first ones. */
export const MOTIFS = [
  { key: 'bouquet', ko: '꽃다발', en: 'Bouquet' },
  { key: 'petals', ko: '꽃잎 흩날림', en: 'Falling petals' },
  { key: 'wreath', ko: '리스', en: 'Wreath' },
  { key: 'tulips', ko: '튤립', en: 'Tulips' },
  { key: 'confetti', ko: '물방울', en: 'Confetti' },
  { key: 'sprigs', ko: '들꽃 가지', en: 'Wild sprigs' },
  { key: 'bloom', ko: '한 송이', en: 'Single bloom' },
  { key: 'hearts', ko: '하트', en: 'Hearts' },
  { key: 'arch', ko: '꽃 아치', en: 'Flower arch' },
] as const;
export type MotifKey = (typeof MOTIFS)[number]['key'];

export interface TemplateDefinition {
  /** e.g. PINK_03: colour and design number, stable across releases. */
  key: string;
  color: TemplateColorValue;
  design: number;
  motif: MotifKey;
  name: { ko: string; en: string };
}

const colorNamesEn: Record<TemplateColorValue, string> = {
  MIX: 'Mixed',
  PINK: 'Pink',
  PURPLE: 'Purple',
  YELLOW: 'Yellow',
  BLUE: 'Blue',
  WHITE: 'White',
};

/** Every card design, in catalog order: MIX 9, PINK 9, PURPLE 6, YELLOW 6, BLUE 5, WHITE 6. */
export const TEMPLATES: readonly TemplateDefinition[] = templateColors.flatMap((color) =>
  Array.from({ length: color.count }, (_, index) => {
    const motif = MOTIFS[index % MOTIFS.length]!;
    const design = index + 1;
    return {
      key: `${color.key}_${String(design).padStart(2, '0')}`,
      color: color.key,
      design,
      motif: motif.key,
      name: { ko: `${color.ko} · ${motif.ko}`, en: `${colorNamesEn[color.key]} · ${motif.en}` },
    };
  }),
);

const byKey = new Map(TEMPLATES.map((t) => [t.key, t]));

export const findTemplate = (key: string): TemplateDefinition | null => byKey.get(key) ?? null;

export const DEFAULT_TEMPLATE_KEY = 'MIX_01';
