import { describe, expect, it } from 'vitest';
import { RECIPIENT_KEYS, allFlowers, findFlower } from '../catalog/catalog.data.js';
import { textLength } from '../cards/message.sanitizer.js';
import { composeMessages } from './message.composer.js';
import type { Tone } from './message.types.js';
import { readOccasion } from './occasion.js';

const TONES: Tone[] = ['WARM', 'FORMAL', 'PLAYFUL', 'ROMANTIC', 'GRATEFUL'];
const OCCASIONS = [
  '생일',
  '결혼',
  '졸업',
  '승진',
  '개업',
  '감사',
  '위로',
  '100일 기념일',
  '쾌유',
  '',
]; // '' → GENERAL
/** A flower of the reference data, which these tests rely on. */
function flower(id: number) {
  const found = findFlower(id);
  if (!found) throw new Error(`flower ${id} missing from the reference data`);
  return found;
}
const rose = flower(1);

describe('composeMessages', () => {
  it('gives three distinct messages that fit, for every recipient, tone and language', () => {
    for (const language of ['KO', 'EN'] as const) {
      for (const recipient of RECIPIENT_KEYS) {
        for (const tone of TONES) {
          for (const occasion of OCCASIONS) {
            for (const maxLength of [200, 80]) {
              const messages = composeMessages({
                flower: rose,
                recipient,
                occasion,
                tone,
                language,
                maxLength,
              });
              expect(messages).toHaveLength(3);
              expect(new Set(messages).size).toBe(3);
              for (const m of messages) {
                expect(textLength(m)).toBeLessThanOrEqual(maxLength);
                expect(m.trim()).toBe(m);
                expect(m).not.toMatch(/undefined|null|\{|\}/);
              }
            }
          }
        }
      }
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    const request = {
      flower: rose,
      recipient: 'FRIEND' as const,
      occasion: '생일',
      tone: 'WARM' as const,
      language: 'KO' as const,
      maxLength: 200,
    };
    expect(composeMessages(request)).toEqual(composeMessages(request));
    const seeds = new Set(
      [1, 2, 3, 4, 5, 6, 7].map((seed) => composeMessages({ ...request, seed }).join('|')),
    );
    expect(seeds.size).toBeGreaterThan(3);
  });

  it('weaves in the flower and its language, for every flower', () => {
    for (const flower of allFlowers()) {
      const ko = composeMessages({
        flower,
        recipient: 'MOTHER',
        occasion: '감사',
        tone: 'GRATEFUL',
        language: 'KO',
        maxLength: 200,
      });
      expect(ko.every((m) => m.includes(flower.meaning.ko))).toBe(true);
      const en = composeMessages({
        flower,
        recipient: 'MOTHER',
        occasion: 'thanks',
        tone: 'GRATEFUL',
        language: 'EN',
        maxLength: 200,
      });
      expect(en.every((m) => m.includes(flower.meaning.en))).toBe(true);
    }
  });

  it('speaks 존댓말 to parents and colleagues and 반말 to friends and lovers', () => {
    const polite = (recipient: 'FATHER' | 'MOTHER' | 'COLLEAGUE') =>
      composeMessages({
        flower: rose,
        recipient,
        occasion: '생일',
        tone: 'WARM',
        language: 'KO',
        maxLength: 200,
      });
    for (const recipient of ['FATHER', 'MOTHER', 'COLLEAGUE'] as const) {
      for (const m of polite(recipient)) {
        expect(m).toMatch(/요|니다/);
        expect(m).not.toMatch(/축하해!|고마워|사랑해\b|골랐어\./);
      }
    }
    expect(polite('FATHER').join()).toContain('생신');
    expect(polite('COLLEAGUE').join()).not.toContain('생신');
    for (const recipient of ['FRIEND', 'LOVER'] as const) {
      const casual = composeMessages({
        flower: rose,
        recipient,
        occasion: '생일',
        tone: 'PLAYFUL',
        language: 'KO',
        maxLength: 200,
      });
      for (const m of casual) expect(m).not.toMatch(/드립니다|드려요|세요/);
    }
    // FORMAL makes even a friend polite.
    const formal = composeMessages({
      flower: rose,
      recipient: 'FRIEND',
      occasion: '승진',
      tone: 'FORMAL',
      language: 'KO',
      maxLength: 200,
    });
    for (const m of formal) expect(m).toMatch(/니다|요/);
  });

  it('uses the right particles and keeps condolences gentle', () => {
    const chrysanthemum = flower(11); // 국화, 평화
    const messages = composeMessages({
      flower: chrysanthemum,
      recipient: 'FRIEND',
      occasion: '조문',
      tone: 'PLAYFUL',
      language: 'KO',
      maxLength: 200,
    });
    const text = messages.join('\n');
    expect(text).not.toMatch(/축하|:\)|!/);
    expect(text).not.toMatch(/'평화'이라|국화을|국화이 /);
    const rosy = composeMessages({
      flower: rose,
      recipient: 'LOVER',
      occasion: '기념일',
      tone: 'ROMANTIC',
      language: 'KO',
      maxLength: 200,
      seed: 7,
    }).join('\n');
    expect(rosy).not.toMatch(/'사랑'라|장미를을|'사랑'이라래/);
  });

  it('composes without a flower when none is known', () => {
    const messages = composeMessages({
      flower: null,
      recipient: 'SON',
      occasion: '졸업',
      tone: 'WARM',
      language: 'KO',
      maxLength: 200,
    });
    expect(new Set(messages).size).toBe(3);
  });

  it('names an occasion it has no phrases for', () => {
    const messages = composeMessages({
      flower: rose,
      recipient: 'BROTHER',
      occasion: '이사',
      tone: 'WARM',
      language: 'KO',
      maxLength: 200,
      seed: 0,
    });
    expect(messages.join('\n')).toContain('이사를 맞아');
  });
});

describe('readOccasion', () => {
  it('reads Korean and English occasions, sorrow before celebration', () => {
    expect(readOccasion('엄마 생신')).toBe('BIRTHDAY');
    expect(readOccasion('결혼기념일')).toBe('ANNIVERSARY');
    expect(readOccasion('친구 결혼식')).toBe('WEDDING');
    expect(readOccasion('삼가 조의를 표합니다')).toBe('CONDOLENCE');
    expect(readOccasion('위로')).toBe('CONDOLENCE');
    expect(readOccasion('개업 축하')).toBe('OPENING');
    expect(readOccasion('Get well soon')).toBe('RECOVERY');
    expect(readOccasion('graduation')).toBe('GRADUATION');
    expect(readOccasion('어버이날')).toBe('THANKS');
    expect(readOccasion('')).toBe('GENERAL');
  });
});

describe('variants', () => {
  it('gives other messages for the next variant of the same request', () => {
    const request = {
      flower: findFlower(9),
      recipient: 'FATHER' as const,
      occasion: '생신',
      tone: 'WARM' as const,
      language: 'KO' as const,
      maxLength: 200,
    };
    const first = composeMessages(request);
    const second = composeMessages({ ...request, variant: 1 });
    expect(second).not.toEqual(first);
    expect(composeMessages({ ...request, variant: 1 })).toEqual(second);
  });
});
