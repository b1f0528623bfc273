import type { Flower, RecipientKeyValue } from '../catalog/catalog.data.js';
import { textLength } from '../cards/message.sanitizer.js';
import type { CheckRequest, Level, SenderGender, Tone } from './message.types.js';
import type { Occasion } from './occasion.js';

// Who the recipient is decides the speech level, the address and which flower meanings fit;
// the composer, the checker and the AI prompt all read these rules, so they agree.

export const COUPLE = new Set<RecipientKeyValue>(['LOVER', 'SPOUSE']);
/** Family elders: addressed by kin term, never by name; 생신 rather than 생일. */
export const PARENTS = new Set<RecipientKeyValue>(['FATHER', 'MOTHER', 'GRANDPARENT']);
const CHILDREN = new Set<RecipientKeyValue>(['SON', 'DAUGHTER']);
export const SIBLINGS = new Set<RecipientKeyValue>([
  'BROTHER',
  'SISTER',
  'OLDER_BROTHER',
  'OLDER_SISTER',
  'YOUNGER_SIBLING',
]);
/** School and work: 선배, 선생님, 동료, 후배. */
export const WORK = new Set<RecipientKeyValue>(['COLLEAGUE', 'SENIOR', 'TEACHER', 'JUNIOR']);
const ELDERS = new Set<RecipientKeyValue>([...PARENTS, 'TEACHER']);
// Juniors get 반말 like friends: a card to a 후배 reads warmer that way, and calling them by
// name (지민아) already is 반말.
const POLITE = new Set<RecipientKeyValue>([...PARENTS, 'TEACHER', 'SENIOR', 'COLLEAGUE']);

/** 존댓말 for family elders, teachers, seniors and colleagues, or whenever the tone is FORMAL. */
export const levelOf = (request: Pick<CheckRequest, 'recipient' | 'tone'>): Level =>
  POLITE.has(request.recipient) || request.tone === 'FORMAL' ? 'polite' : 'casual';

/** Romance is for couples; for anyone else it reads as warmth. */
export const toneFor = (tone: Tone, recipient: RecipientKeyValue): Tone =>
  tone === 'ROMANTIC' && !COUPLE.has(recipient) ? 'WARM' : tone;

/** 생신 for elders, 생일 for everyone else. */
export const birthdayWord = (recipient: RecipientKeyValue) =>
  ELDERS.has(recipient) ? '생신' : '생일';

/**
 * The kin term for an older sibling, which depends on the sender: 형/오빠, 누나/언니. Null when
 * the sender's gender is unknown (then no kin term is used) or the recipient is not one.
 */
export function olderKin(
  recipient: RecipientKeyValue,
  gender: SenderGender | null | undefined,
): string | null {
  if (!gender) return null;
  if (recipient === 'OLDER_BROTHER') return gender === 'MALE' ? '형' : '오빠';
  if (recipient === 'OLDER_SISTER') return gender === 'MALE' ? '누나' : '언니';
  return null;
}

/** A name is used for anyone but family elders. */
export const nameFor = (request: Pick<CheckRequest, 'recipient' | 'recipientName'>) =>
  PARENTS.has(request.recipient) ? null : request.recipientName?.trim() || null;

/** A free-text occasion short and plain enough to be named in a sentence as written. */
export const isNameable = (named: string): boolean =>
  named !== '' && textLength(named) <= 12 && /^[\p{L}\p{N} ]+$/u.test(named);

/** What a flower's meaning speaks of; it decides to whom and when the meaning may be said. */
export type MeaningKind =
  | 'ROMANCE'
  | 'LOVE'
  | 'STEADFAST'
  | 'DEVOTION'
  | 'AFFECTION'
  | 'GRATITUDE'
  | 'SINCERITY'
  | 'HOPE'
  | 'HAPPINESS'
  | 'PEACE'
  | 'FRIENDSHIP'
  | 'CHARM'
  | 'LOVELINESS'
  | 'MYSTERY'
  | 'SHYNESS';

/** The catalog's 22 flowers share 17 meanings; keyed by the Korean meaning. */
const KINDS: Record<string, MeaningKind> = {
  사랑: 'LOVE',
  첫사랑: 'ROMANCE',
  '행복한 사랑': 'ROMANCE',
  '영원한 사랑': 'ROMANCE',
  '순수한 사랑': 'ROMANCE',
  '변치 않는 사랑': 'STEADFAST',
  일편단심: 'DEVOTION',
  애정: 'AFFECTION',
  감사: 'GRATITUDE',
  진심: 'SINCERITY',
  희망: 'HOPE',
  기적: 'HOPE',
  행복: 'HAPPINESS',
  평화: 'PEACE',
  '영원한 우정': 'FRIENDSHIP',
  매력: 'CHARM',
  사랑스러움: 'LOVELINESS',
  신비: 'MYSTERY',
  수줍음: 'SHYNESS',
};

/** Null for a meaning not classified yet: it is then never claimed, only the flower named. */
export const kindOf = (flower: Flower): MeaningKind | null => KINDS[flower.meaning.ko] ?? null;

export const LOVE_KINDS = new Set<MeaningKind>(['ROMANCE', 'LOVE', 'STEADFAST', 'DEVOTION']);

type Group = 'couple' | 'elder' | 'child' | 'sibling' | 'friend' | 'work' | 'junior';
function groupOf(recipient: RecipientKeyValue): Group {
  if (COUPLE.has(recipient)) return 'couple';
  if (PARENTS.has(recipient)) return 'elder';
  if (CHILDREN.has(recipient)) return 'child';
  if (SIBLINGS.has(recipient)) return 'sibling';
  if (recipient === 'FRIEND') return 'friend';
  return recipient === 'JUNIOR' ? 'junior' : 'work';
}

const ALL_GROUPS: Group[] = ['couple', 'elder', 'child', 'sibling', 'friend', 'work', 'junior'];
const FAMILY: Group[] = ['couple', 'elder', 'child'];
/** To whom a meaning may be said as the sender's own feeling, wish or compliment. */
const GROUPS: Record<MeaningKind, Group[]> = {
  ROMANCE: ['couple'],
  DEVOTION: ['couple'],
  SHYNESS: ['couple'],
  MYSTERY: ['couple'],
  LOVE: FAMILY,
  STEADFAST: FAMILY,
  AFFECTION: [...FAMILY, 'sibling', 'friend', 'junior'],
  LOVELINESS: ['couple', 'child', 'sibling', 'friend'],
  CHARM: ['couple', 'sibling', 'friend'],
  FRIENDSHIP: ['friend'],
  GRATITUDE: ALL_GROUPS,
  SINCERITY: ALL_GROUPS,
  HOPE: ALL_GROUPS,
  HAPPINESS: ALL_GROUPS,
  PEACE: ALL_GROUPS,
};

const CELEBRATIONS: Occasion[] = [
  'BIRTHDAY',
  'ANNIVERSARY',
  'WEDDING',
  'BIRTH',
  'PASS',
  'GRADUATION',
  'ADMISSION',
  'PROMOTION',
  'OPENING',
  'HOUSEWARMING',
  'DISCHARGE',
  'MILITARY',
  'CONGRATS',
  'GENERAL',
];
const THANKING: Occasion[] = ['THANKS', 'PARENTS_DAY', 'TEACHERS_DAY'];
const NOT_AT_FUNERAL = (occasion: Occasion) => occasion !== 'CONDOLENCE';
/** When a meaning may be said, whoever the recipient. */
const OCCASIONS: Record<MeaningKind, (occasion: Occasion) => boolean> = {
  ROMANCE: (o) =>
    ['BIRTHDAY', 'ANNIVERSARY', 'WEDDING', 'GENERAL', 'APOLOGY', 'THANKS'].includes(o),
  DEVOTION: (o) =>
    [
      'BIRTHDAY',
      'ANNIVERSARY',
      'WEDDING',
      'GENERAL',
      'APOLOGY',
      'THANKS',
      'CHEER',
      'COMFORT',
    ].includes(o),
  SHYNESS: (o) => ['BIRTHDAY', 'ANNIVERSARY', 'GENERAL'].includes(o),
  MYSTERY: (o) => ['BIRTHDAY', 'ANNIVERSARY', 'GENERAL'].includes(o),
  LOVE: NOT_AT_FUNERAL,
  STEADFAST: NOT_AT_FUNERAL,
  AFFECTION: NOT_AT_FUNERAL,
  FRIENDSHIP: () => true,
  SINCERITY: () => true,
  LOVELINESS: (o) =>
    ['BIRTHDAY', 'ANNIVERSARY', 'GENERAL', 'CHEER', 'PASS', 'GRADUATION', 'ADMISSION'].includes(o),
  CHARM: (o) => ['BIRTHDAY', 'ANNIVERSARY', 'GENERAL', 'CHEER'].includes(o),
  GRATITUDE: (o) => [...THANKING, 'GENERAL', 'BIRTHDAY', 'ANNIVERSARY'].includes(o),
  HOPE: (o) => [...CELEBRATIONS, 'CHEER', 'RECOVERY', 'COMFORT'].includes(o),
  HAPPINESS: (o) => [...CELEBRATIONS, ...THANKING, 'CHEER'].includes(o),
  PEACE: (o) =>
    [
      'CONDOLENCE',
      'COMFORT',
      'RECOVERY',
      'DISCHARGE',
      'HOUSEWARMING',
      'MILITARY',
      'GENERAL',
    ].includes(o),
};

/**
 * How a fitting meaning is said: as the sender's feeling, a wish for the recipient, a word that
 * is like the recipient, a wish for a couple (a wedding, parents' anniversary), about a new
 * baby, or quietly at a funeral.
 */
export type Framing = 'feel' | 'wish' | 'like' | 'couple' | 'baby' | 'sorrow';

const COUPLE_WISHES = new Set<MeaningKind>([...LOVE_KINDS, 'HAPPINESS', 'HOPE']);
const BABY_WORDS = new Set<MeaningKind>(['LOVELINESS', 'MYSTERY', 'HAPPINESS', 'HOPE', 'LOVE']);
const SORROW_WORDS = new Set<MeaningKind>(['PEACE', 'SINCERITY', 'FRIENDSHIP']);
const WISHES = new Set<MeaningKind>(['HOPE', 'HAPPINESS', 'PEACE']);
const LIKENESSES = new Set<MeaningKind>(['CHARM', 'LOVELINESS', 'MYSTERY', 'SHYNESS']);

/**
 * The one decision about the flower's meaning, shared by the composer (which says it or talks
 * about the flower instead) and the checker (which tells a deliberate replacement from a drop):
 * how the meaning is said, or null when it does not fit this recipient and occasion.
 */
export function meaningFraming(
  flower: Flower,
  recipient: RecipientKeyValue,
  occasion: Occasion,
): Framing | null {
  const kind = kindOf(flower);
  if (!kind) return null;
  const group = groupOf(recipient);
  // Love said about someone else's marriage, or a word for a baby, fits whoever gets the card.
  const aboutOthers = occasion === 'WEDDING' || (occasion === 'ANNIVERSARY' && group === 'elder');
  if (aboutOthers && group !== 'couple' && COUPLE_WISHES.has(kind)) return 'couple';
  if (occasion === 'BIRTH' && BABY_WORDS.has(kind)) return 'baby';
  if (!GROUPS[kind].includes(group) || !OCCASIONS[kind](occasion)) return null;
  if (occasion === 'CONDOLENCE') return SORROW_WORDS.has(kind) ? 'sorrow' : null;
  if (WISHES.has(kind)) return 'wish';
  return LIKENESSES.has(kind) ? 'like' : 'feel';
}

export const meaningFits = (flower: Flower, recipient: RecipientKeyValue, occasion: Occasion) =>
  meaningFraming(flower, recipient, occasion) !== null;
