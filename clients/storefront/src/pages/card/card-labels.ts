import type { CardTone, RecipientKey, TemplateColor } from './card.operations.js';

export const RECIPIENTS: { key: RecipientKey; label: string }[] = [
  { key: 'MOTHER', label: '어머니' },
  { key: 'FATHER', label: '아버지' },
  { key: 'LOVER', label: '연인' },
  { key: 'SPOUSE', label: '배우자' },
  { key: 'FRIEND', label: '친구' },
  { key: 'COLLEAGUE', label: '동료' },
  { key: 'SISTER', label: '자매' },
  { key: 'BROTHER', label: '형제' },
  { key: 'DAUGHTER', label: '딸' },
  { key: 'SON', label: '아들' },
];

/** Words the suggestion service reads from free text (생일, 결혼, 개업…). */
export const OCCASIONS = [
  '생일',
  '기념일',
  '감사',
  '축하',
  '응원',
  '위로',
  '개업',
  '졸업',
  '승진',
  '결혼',
  '쾌유',
];

export const TONES: { key: CardTone; label: string }[] = [
  { key: 'WARM', label: '따뜻하게' },
  { key: 'ROMANTIC', label: '다정하게' },
  { key: 'GRATEFUL', label: '고마운 마음' },
  { key: 'PLAYFUL', label: '발랄하게' },
  { key: 'FORMAL', label: '정중하게' },
];

export const COLORS: { key: TemplateColor; label: string; swatch: string }[] = [
  { key: 'MIX', label: '알록달록', swatch: 'linear-gradient(135deg, #f8bbd0, #fff59d, #b3e5fc)' },
  { key: 'PINK', label: '분홍', swatch: '#f8bbd0' },
  { key: 'PURPLE', label: '보라', swatch: '#d1c4e9' },
  { key: 'YELLOW', label: '노랑', swatch: '#fff59d' },
  { key: 'BLUE', label: '파랑', swatch: '#b3e5fc' },
  { key: 'WHITE', label: '하양', swatch: '#ffffff' },
];

/** Counts what a reader sees as characters, as the server does (code points). */
export const textLength = (text: string): number => [...text.trim()].length;
