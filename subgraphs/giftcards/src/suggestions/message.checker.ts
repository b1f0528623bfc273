import { textLength } from '../cards/message.sanitizer.js';
import {
  LOVE_KINDS,
  PARENTS,
  SIBLINGS,
  WORK,
  kindOf,
  levelOf,
  meaningFraming,
  olderKin,
} from './message.rules.js';
import type { CheckRequest, Level } from './message.types.js';
import { type Occasion, readOccasion } from './occasion.js';

/**
 * Judges card messages the way a native reader would, on what can be checked mechanically:
 * the composer keeps only candidates that pass, the AI's answers are refused when they fail,
 * and the sweep test holds the composer to it for every combination.
 */

export type CheckCode =
  /** Not exactly three messages. */
  | 'WRONG_COUNT'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  /** Two sentences of one message share a content word or end alike ("…좋겠어. … 좋겠어."). */
  | 'REPEATED_CLAUSE'
  /** The closing repeats what an earlier sentence already said. */
  | 'REPEATED_CLOSING'
  /** "'매력'의 마음", "감사의 마음": an abstract noun with 의 마음. */
  | 'ABSTRACT_MAUM'
  /** The flower's meaning fits but is not named. */
  | 'MEANING_MISSING'
  /** A love meaning (or love at all) said where it does not fit, e.g. to a colleague. */
  | 'LOVE_MEANING_MISFIT'
  /** Another meaning said where it does not fit, e.g. '매력' to a mother. */
  | 'MEANING_MISFIT'
  /** A 반말 ending in a polite message or the reverse. */
  | 'WRONG_LEVEL'
  | 'CHEERFUL_CONDOLENCE'
  /** A translated or wrong form of address: "형제에게", "동료께", 오빠 from a brother. */
  | 'ODD_ADDRESS'
  /** Two messages open with the same sentence. */
  | 'SAME_OPENING'
  /** Two messages close with the same sentence. */
  | 'SAME_CLOSING';

export interface CheckProblem {
  code: CheckCode;
  /** Which message (0-based), or null for the set. */
  message: number | null;
  detail: string;
}

export const MIN_LENGTH = 20;

/** Sentences: lines, split after sentence-final punctuation followed by a space. */
export function sentencesOf(message: string): string[] {
  const sentences: string[] = [];
  const push = (text: string) => {
    const trimmed = text.trim();
    if (trimmed !== '') sentences.push(trimmed);
  };
  // Sentence ends are found from the spaces after them: far fewer than characters, and the
  // composer checks thousands of candidates.
  for (const line of message.split('\n')) {
    let start = 0;
    for (let space = line.indexOf(' '); space > 0; space = line.indexOf(' ', space + 1)) {
      const before = line.charCodeAt(space - 1);
      if (before === 46 || before === 33 || before === 63) {
        push(line.slice(start, space));
        start = space + 1;
      }
    }
    push(line.slice(start));
  }
  return sentences;
}

const normalized = (sentence: string) => sentence.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// Endings, then particles, stripped to compare words by their stem ("감사해요", "감사합니다" →
// 감사; "마음을", "마음이" → 마음), longest first.
const ENDINGS = [
  '드립니다',
  '드릴게요',
  '드려요',
  '합니다',
  '습니다',
  '하세요',
  '하시길',
  '할게요',
  '했어요',
  '드릴게',
  '드려',
  '해요',
  '하길',
  '할게',
  '했어',
  '하고',
  '하는',
  '해서',
  '니다',
  '세요',
  '해',
  '합',
];
const PARTICLES = [
  '이라는',
  '에게서',
  '이에요',
  '에게',
  '께서',
  '한테',
  '으로',
  '처럼',
  '까지',
  '부터',
  '보다',
  '이랑',
  '라는',
  '예요',
  '이야',
  '에서',
  '께',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '의',
  '에',
  '도',
  '만',
  '와',
  '과',
  '로',
  '랑',
  '요',
  '야',
];
/** Words that recur in any natural card: pronouns, intensifiers, auxiliaries. */
const KO_STOP = new Set([
  '우리',
  '정말',
  '진짜',
  '너무',
  '그리고',
  '이제',
  '드려',
  '드립',
  '드릴',
  '드리',
  '주셔서',
  '주세',
  '주시',
  '있어',
  '있을',
  '있는',
  '같아',
  '싶어',
  '싶었',
  '좋겠',
  '하는',
  '하고',
  '해서',
]);
const EN_STOP = new Set([
  'there',
  'their',
  'these',
  'those',
  'which',
  'where',
  'about',
  'would',
  'could',
  'should',
  'while',
  'being',
  'other',
  'you’re',
  "you're",
]);

function stemKo(word: string): string {
  const bare = word.replace(/[^\p{L}\p{N}]+/gu, '');
  for (const suffixes of [ENDINGS, PARTICLES]) {
    const suffix = suffixes.find((x) => bare.length > x.length + 1 && bare.endsWith(x));
    if (suffix) return bare.slice(0, -suffix.length);
  }
  return bare;
}

/** A quoted word is the meaning being named; it may recur unquoted once. */
const QUOTED = /['’"“”‘]/u;

interface Analysis {
  normalized: string;
  /** The sentence's last word(s), punctuation removed: its predicate, compared as a whole. */
  final: string;
  /** Content-word stems that may not recur in another sentence. */
  stems: string[];
  level: Level | null;
}

// Sentences recur across requests (the same closing in thousands of sweeps): analyse each once.
const analyses = { ko: new Map<string, Analysis>(), en: new Map<string, Analysis>() };
const ANALYSIS_CACHE = 50_000;

const POLITE_END = /(요|니다|니까|세요|시오|죠)$/u;
const HEADING_END = /(께|에게|님)$/u;
const CASUAL_END = /[어아야해지게자줘래네니냐다까걸군나라봐워와뻐돼서내레져워]$/u;

function levelOfSentence(sentence: string): Level | null {
  const core = sentence.replace(/[\s.!?~,:;()'"“”‘’]+$/u, '');
  if (POLITE_END.test(core)) return 'polite';
  if (HEADING_END.test(core)) return null;
  return CASUAL_END.test(core) ? 'casual' : null;
}

function analyse(sentence: string, korean: boolean): Analysis {
  const cache = korean ? analyses.ko : analyses.en;
  const known = cache.get(sentence);
  if (known) return known;
  const words = sentence.split(/\s+/u).filter((w) => w !== '');
  let analysis: Analysis;
  if (korean) {
    const stems = words
      .filter((w) => !QUOTED.test(w))
      .map(stemKo)
      .filter((w) => w.length >= 2 && !KO_STOP.has(w));
    analysis = {
      normalized: normalized(sentence),
      final: normalized(words.at(-1) ?? ''),
      stems,
      level: levelOfSentence(sentence),
    };
  } else {
    const lower = words.map((w) => w.toLowerCase().replace(/[^a-z’']+/g, '')).filter(Boolean);
    analysis = {
      normalized: normalized(sentence),
      final: lower.slice(-2).join(' '),
      stems: words
        .filter((w) => !/[“”"]/u.test(w))
        .map((w) => w.toLowerCase().replace(/[^a-z’']+/g, ''))
        .filter((w) => w.length >= 5 && !EN_STOP.has(w)),
      level: null,
    };
  }
  if (cache.size >= ANALYSIS_CACHE) cache.clear();
  cache.set(sentence, analysis);
  return analysis;
}

const ABSTRACT = new Set([
  '사랑',
  '첫사랑',
  '감사',
  '축하',
  '위로',
  '응원',
  '고마움',
  '매력',
  '신비',
  '기적',
  '희망',
  '행복',
  '평화',
  '진심',
  '애정',
  '우정',
  '일편단심',
  '존경',
  '축복',
  '기쁨',
  '그리움',
  '미안함',
  '사과',
  '감동',
  '설렘',
]);

const CHEER_KO =
  /축하|행복|환하|환한|활짝|웃|즐거|신나|대박|최고|든든|다정|기쁨|기뻐|기쁜|설레|파이팅|화이팅|:\)|!|ㅎㅎ|ㅋㅋ/u;
const CHEER_EN = /congrat|happy|happi|celebrat|cheer|bright|yay|:\)|!/i;
const TRANSLATED_ADDRESS =
  /형제에게|자매에게|형제께|자매께|동료께|동료에게|동료분께|내 형제|내 자매/u;
const KIN = ['형', '오빠', '누나', '언니'];
const kinPattern = (kin: string) =>
  new RegExp(`(^|[\\s,'"])${kin}(?=$|[\\s,.!?]|에게|께|이|가|야|은|는|도|를|한테|님|만)`, 'u');
const KIN_PATTERNS = new Map(KIN.map((kin) => [kin, kinPattern(kin)]));

const HEADING_FORMULAS = new Set(['사랑', '존경', '소중한', 'dear', 'dearest', 'wonderful']);
const isHeading = (line: string) =>
  line.length <= 30 && /(께|에게|,)$/u.test(line) && !/[.!?]/u.test(line);

/** The ways a message names the meaning as a meaning, not just uses the word in passing. */
function meaningForms(meaning: string, korean: boolean) {
  const word = korean ? meaning : meaning.toLowerCase();
  return {
    word,
    quoted: [`'${word}'`, `‘${word}’`, `"${word}"`, `“${word}”`],
    /** Unquoted, the word counts next to these. */
    cue: korean ? /꽃말/u : /means|stands for|language of flowers|symbol/,
  };
}

function namesMeaning(message: string, forms: ReturnType<typeof meaningForms>, korean: boolean) {
  const text = korean ? message : message.toLowerCase();
  return (
    forms.quoted.some((q) => text.includes(q)) ||
    (forms.cue.test(text) && text.includes(forms.word))
  );
}

/** What a request's checks need, worked out once for all the composer's candidates. */
interface Context {
  korean: boolean;
  occasion: Occasion;
  expected: Level;
  /** Whether the meaning fits (`meaningFraming`); null without a flower. */
  fits: boolean | null;
  meaning: string | null;
  forms: ReturnType<typeof meaningForms> | null;
  /** Words the card is about, which may recur: the flower, the recipient's name and kin. */
  free: Set<string>;
  /** 형/오빠/누나/언니 that would be wrong here (all but the one for the sender's gender). */
  wrongKin: RegExp[];
}

const contexts = new WeakMap<CheckRequest, Context>();

function contextOf(request: CheckRequest): Context {
  const known = contexts.get(request);
  if (known) return known;
  const korean = request.language === 'KO';
  const occasion = readOccasion(request.occasion);
  const flower = request.flower;
  const free = new Set<string>(KIN);
  const allow = (text: string | null | undefined) => {
    for (const word of text?.split(/\s+/u) ?? [])
      free.add(korean ? stemKo(word) : word.toLowerCase());
  };
  if (flower) allow(korean ? flower.name.ko : flower.name.en);
  allow(request.recipientName);
  // A birth card is about the baby: naming it twice is no repetition.
  if (occasion === 'BIRTH') allow(korean ? '아기' : 'baby');
  const allowedKin = olderKin(request.recipient, request.senderGender);
  const meaning = flower ? (korean ? flower.meaning.ko : flower.meaning.en) : null;
  const context: Context = {
    korean,
    occasion,
    expected: levelOf(request),
    fits: flower ? meaningFraming(flower, request.recipient, occasion) !== null : null,
    meaning,
    forms: meaning ? meaningForms(meaning, korean) : null,
    free,
    wrongKin:
      korean && SIBLINGS.has(request.recipient)
        ? KIN.filter((kin) => kin !== allowedKin).map((kin) => KIN_PATTERNS.get(kin)!)
        : [],
  };
  contexts.set(request, context);
  return context;
}

interface Verdict {
  problems: CheckProblem[];
  /** The first and last sentence, normalised: two messages may share neither. */
  opening: string;
  closing: string;
}

// The composer checks the message it keeps, and whoever checks the three afterwards (the sweep
// test) checks it again for the same request object: remember the verdicts per request.
const verdicts = new WeakMap<CheckRequest, Map<string, Verdict>>();

function verdictOf(request: CheckRequest, message: string): Verdict {
  let known = verdicts.get(request);
  if (!known) verdicts.set(request, (known = new Map<string, Verdict>()));
  const cached = known.get(message);
  if (cached) return cached;
  const verdict = judge(request, message);
  if (known.size < 100) known.set(message, verdict);
  return verdict;
}

/** Problems of one message on its own; the composer uses this to discard candidates. */
export function checkMessage(request: CheckRequest, message: string, index = 0): CheckProblem[] {
  return verdictOf(request, message).problems.map((problem) => ({ ...problem, message: index }));
}

/** A message's first and last sentence, normalised, as `checkMessages` compares them. */
export function edgesOf(request: CheckRequest, message: string) {
  const { opening, closing } = verdictOf(request, message);
  return { opening, closing };
}

function judge(request: CheckRequest, message: string): Verdict {
  const index = 0;
  const problems: CheckProblem[] = [];
  const report = (code: CheckCode, detail: string) => {
    if (!problems.some((p) => p.code === code && p.detail === detail)) {
      problems.push({ code, message: index, detail });
    }
  };
  const context = contextOf(request);
  const { korean, occasion, free } = context;
  // Without surrogates, code points are UTF-16 units: skip counting them one by one.
  const length = /[\uD800-\uDBFF]/.test(message) ? textLength(message) : message.length;
  if (length > request.maxLength) report('TOO_LONG', `${length} > ${request.maxLength}`);
  if (length < MIN_LENGTH) report('TOO_SHORT', `${length} < ${MIN_LENGTH}`);

  const all = sentencesOf(message);
  const parsed = all.map((s) => analyse(s, korean));
  // A heading's formula ("사랑하는 어머니께", "Dear Mom,") may recur below ("사랑합니다");
  // its other words may not ("언제나 내 편인 … 언제나 네 편이야").
  const heading = all.length > 1 && isHeading(all[0]!);
  const seen = new Map<string, number>();
  parsed.forEach((sentence, i) => {
    const last = i === parsed.length - 1;
    for (const stem of sentence.stems) {
      if (free.has(stem) || (heading && i === 0 && HEADING_FORMULAS.has(stem))) continue;
      const earlier = seen.get(stem);
      if (earlier === undefined) seen.set(stem, i);
      else if (earlier !== i) report(last ? 'REPEATED_CLOSING' : 'REPEATED_CLAUSE', stem);
    }
    for (let j = 0; j < i; j++) {
      const other = parsed[j]!;
      if (other.normalized === sentence.normalized) report('REPEATED_CLAUSE', all[i]!);
      else if (other.final !== '' && other.final === sentence.final) {
        report(last ? 'REPEATED_CLOSING' : 'REPEATED_CLAUSE', sentence.final);
      }
    }
  });

  if (korean) {
    parsed.forEach((sentence, i) => {
      if (sentence.level && sentence.level !== context.expected) report('WRONG_LEVEL', all[i]!);
    });
    for (const match of message.includes('의 마음') ? message.matchAll(/(\S+)의 마음/gu) : []) {
      const raw = match[1]!;
      const word = raw.replace(/[^\p{L}\p{N}]+/gu, '');
      const quoted = /['’"”]$/u.test(raw);
      if (
        quoted ||
        ABSTRACT.has(word) ||
        word === context.meaning ||
        /(음|움|함|림|렘|쁨)$/u.test(word)
      ) {
        report('ABSTRACT_MAUM', match[0]);
      }
    }
  }

  const flower = request.flower;
  if (flower && context.meaning && context.forms) {
    const named = namesMeaning(message, context.forms, korean);
    if (context.fits && !named) report('MEANING_MISSING', context.meaning);
    if (!context.fits && named) {
      const kind = kindOf(flower);
      report(
        kind && LOVE_KINDS.has(kind) ? 'LOVE_MEANING_MISFIT' : 'MEANING_MISFIT',
        context.meaning,
      );
    }
  }
  const aboutACouple = occasion === 'WEDDING' || occasion === 'ANNIVERSARY' || occasion === 'BIRTH';
  if (WORK.has(request.recipient) && !aboutACouple) {
    const love = korean ? /사랑(?!스러)/u.exec(message) : /\blov(e|ing)\b/i.exec(message);
    if (love && !problems.some((p) => p.code === 'LOVE_MEANING_MISFIT')) {
      report('LOVE_MEANING_MISFIT', love[0]);
    }
  }

  if (occasion === 'CONDOLENCE') {
    const cheer = (korean ? CHEER_KO : CHEER_EN).exec(message);
    if (cheer) report('CHEERFUL_CONDOLENCE', cheer[0]);
  }

  const name = request.recipientName?.trim();
  if (name && PARENTS.has(request.recipient) && message.includes(name)) {
    report('ODD_ADDRESS', `${name} for a parent`);
  }
  if (korean) {
    const translated = TRANSLATED_ADDRESS.exec(message);
    if (translated) report('ODD_ADDRESS', translated[0]);
    for (const pattern of context.wrongKin) {
      const wrong = pattern.exec(message);
      if (wrong) report('ODD_ADDRESS', wrong[0].trim());
    }
  }
  return {
    problems,
    opening: analyse(all[0] ?? '', korean).normalized,
    closing: analyse(all.at(-1) ?? '', korean).normalized,
  };
}

/** All problems of a set of suggestions: each message, then the three against each other. */
export function checkMessages(request: CheckRequest, messages: string[]): CheckProblem[] {
  const problems = messages.flatMap((message, i) => checkMessage(request, message, i));
  if (messages.length !== 3) {
    problems.push({ code: 'WRONG_COUNT', message: null, detail: `${messages.length} messages` });
  }
  const edges = messages.map((m) => edgesOf(request, m));
  const openings = edges.map((e) => e.opening);
  const closings = edges.map((e) => e.closing);
  for (let i = 0; i < messages.length; i++) {
    for (let j = 0; j < i; j++) {
      if (openings[i] === openings[j]) {
        problems.push({ code: 'SAME_OPENING', message: i, detail: `as message ${j}` });
      }
      if (closings[i] === closings[j]) {
        problems.push({ code: 'SAME_CLOSING', message: i, detail: `as message ${j}` });
      }
    }
  }
  return problems;
}
