import type { CardTone, RecipientKey, SenderGender, TemplateColor } from './card.operations.js';

/** Older and younger siblings apart: the card calls them 형/오빠, 누나/언니 or by name. */
export const RECIPIENTS: { key: RecipientKey; label: string }[] = [
  { key: 'MOTHER', label: '어머니' },
  { key: 'FATHER', label: '아버지' },
  { key: 'GRANDPARENT', label: '할머니·할아버지' },
  { key: 'LOVER', label: '연인' },
  { key: 'SPOUSE', label: '배우자' },
  { key: 'FRIEND', label: '친구' },
  { key: 'OLDER_BROTHER', label: '형·오빠' },
  { key: 'OLDER_SISTER', label: '누나·언니' },
  { key: 'YOUNGER_SIBLING', label: '동생' },
  { key: 'DAUGHTER', label: '딸' },
  { key: 'SON', label: '아들' },
  { key: 'TEACHER', label: '선생님' },
  { key: 'SENIOR', label: '선배·상사' },
  { key: 'COLLEAGUE', label: '동료' },
  { key: 'JUNIOR', label: '후배' },
];

/** How the sender calls an older sibling, which is the sender's gender to the server. */
export const SIBLING_CALLS: Partial<Record<RecipientKey, { key: SenderGender; label: string }[]>> =
  {
    OLDER_BROTHER: [
      { key: 'MALE', label: '형' },
      { key: 'FEMALE', label: '오빠' },
    ],
    OLDER_SISTER: [
      { key: 'MALE', label: '누나' },
      { key: 'FEMALE', label: '언니' },
    ],
  };

/** Never called by name on a card (the server ignores a name for them). */
export const UNNAMED = new Set<RecipientKey>(['MOTHER', 'FATHER', 'GRANDPARENT']);
export const RECIPIENT_NAME_MAX = 10;

/** Words the suggestion service reads from free text (생일, 결혼, 개업…). */
const OCCASIONS = [
  '생일',
  '기념일',
  '결혼',
  '출산',
  '합격',
  '졸업',
  '입학',
  '승진',
  '개업',
  '집들이',
  '퇴원',
  '전역',
  '어버이날',
  '스승의 날',
  '감사',
  '사과',
  '응원',
  '위로',
  '조문',
];
export const OCCASION_CHOICES = OCCASIONS.map((word) => ({ key: word, label: word }));

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
