import { describe, expect, it } from 'vitest';
import { RECIPIENT_KEYS, allFlowers, findFlower } from '../catalog/catalog.data.js';
import { textLength } from '../cards/message.sanitizer.js';
import { checkMessages } from './message.checker.js';
import { composeMessages } from './message.composer.js';
import { meaningFits } from './message.rules.js';
import type { ComposeRequest, SenderGender, Tone } from './message.types.js';
import { type Occasion, OCCASIONS, readOccasion } from './occasion.js';

const TONES: Tone[] = ['WARM', 'FORMAL', 'PLAYFUL', 'ROMANTIC', 'GRATEFUL'];
/** Free-text phrasings of every occasion kind: the first for the full sweep, the rest for a part. */
const PHRASINGS: Record<Occasion, string[]> = {
  BIRTHDAY: ['생일', 'birthday'],
  ANNIVERSARY: ['100일 기념일', '결혼기념일'],
  WEDDING: ['결혼'],
  BIRTH: ['출산'],
  PASS: ['합격'],
  GRADUATION: ['졸업'],
  ADMISSION: ['입학'],
  PROMOTION: ['승진', '취임'],
  OPENING: ['개업', 'grand opening'],
  HOUSEWARMING: ['집들이', '이사'],
  DISCHARGE: ['퇴원 축하'],
  RECOVERY: ['쾌유', 'get well'],
  MILITARY: ['전역'],
  PARENTS_DAY: ['어버이날'],
  TEACHERS_DAY: ['스승의 날'],
  THANKS: ['감사', 'thanks'],
  APOLOGY: ['사과', '미안해'],
  CHEER: ['응원', '수능 대박'],
  COMFORT: ['위로'],
  CONDOLENCE: ['조문', '삼가 조의'],
  CONGRATS: ['축하', '취업'],
  GENERAL: ['', '발표회'],
};
const SIBLINGS = new Set(['BROTHER', 'SISTER', 'OLDER_BROTHER', 'OLDER_SISTER']);

/** A flower of the reference data, which these tests rely on. */
function flower(id: number) {
  const found = findFlower(id);
  if (!found) throw new Error(`flower ${id} missing from the reference data`);
  return found;
}
const rose = flower(1);

describe('composeMessages', () => {
  it('passes the checker for every flower, recipient, occasion, tone, language and length', () => {
    for (const [occasion, phrasings] of Object.entries(PHRASINGS)) {
      for (const text of phrasings) expect(readOccasion(text), text).toBe(occasion);
    }
    const started = performance.now();
    let count = 0;
    const failures: string[] = [];
    const sweep = (request: ComposeRequest) => {
      count++;
      const messages = composeMessages(request);
      const problems = checkMessages(request, messages);
      // Deliberately replaced: a meaning that does not fit is exchanged for the flower itself.
      const flower = request.flower;
      const name = request.language === 'KO' ? flower?.name.ko : flower?.name.en;
      if (
        flower &&
        name &&
        !meaningFits(flower, request.recipient, readOccasion(request.occasion))
      ) {
        const unnamed = messages.filter((m) => !m.toLowerCase().includes(name));
        if (unnamed.length > 0)
          problems.push({ code: 'MEANING_MISSING', message: null, detail: name });
      }
      for (const m of messages) {
        if (m.trim() !== m || /undefined|null|\{|\}/.test(m)) {
          problems.push({ code: 'TOO_SHORT', message: null, detail: `malformed: ${m}` });
        }
      }
      if (problems.length > 0 && failures.length < 20) {
        const { flower: f, ...rest } = request;
        failures.push(`${JSON.stringify({ ...rest, flower: f?.id })} ${JSON.stringify(problems)}`);
      }
    };
    for (const flower of allFlowers()) {
      for (const recipient of RECIPIENT_KEYS) {
        const genders: (SenderGender | null)[] = SIBLINGS.has(recipient)
          ? ['MALE', 'FEMALE', null]
          : [null];
        for (const [kind, phrasings] of Object.entries(PHRASINGS)) {
          for (const tone of TONES) {
            for (const language of ['KO', 'EN'] as const) {
              for (const maxLength of [200, 80]) {
                for (const senderGender of genders) {
                  // A name now and then: 지민 (받침), 수아 (none), or none at all.
                  const recipientName = [null, '지민', null, '수아'][count % 4] ?? null;
                  sweep({
                    flower,
                    recipient,
                    occasion: phrasings[0] ?? '',
                    tone,
                    language,
                    maxLength,
                    senderGender,
                    recipientName,
                  });
                }
                // The other phrasings of the kind, in one tone.
                if (tone === 'WARM') {
                  for (const occasion of phrasings.slice(1)) {
                    sweep({ flower, recipient, occasion, tone, language, maxLength });
                  }
                }
              }
            }
          }
          expect(OCCASIONS).toContain(kind);
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(`sweep: ${count} requests in ${seconds.toFixed(1)} s`);
    expect(failures).toEqual([]);
  });

  it('keeps the old contracts: three distinct, trimmed messages that fit', () => {
    for (const recipient of RECIPIENT_KEYS) {
      for (const maxLength of [200, 80]) {
        const messages = composeMessages({
          flower: rose,
          recipient,
          occasion: '생일',
          tone: 'WARM',
          language: 'KO',
          maxLength,
        });
        expect(messages).toHaveLength(3);
        expect(new Set(messages).size).toBe(3);
        for (const m of messages) expect(textLength(m)).toBeLessThanOrEqual(maxLength);
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

  it('weaves in the flower language where it fits, and talks about the flower where not', () => {
    for (const flower of allFlowers()) {
      const fits = meaningFits(flower, 'MOTHER', 'THANKS');
      const ko = composeMessages({
        flower,
        recipient: 'MOTHER',
        occasion: '감사',
        tone: 'GRATEFUL',
        language: 'KO',
        maxLength: 200,
      });
      for (const m of ko) {
        expect(m.includes(`'${flower.meaning.ko}'`)).toBe(fits);
        expect(m).toContain(flower.name.ko);
      }
      const en = composeMessages({
        flower,
        recipient: 'MOTHER',
        occasion: 'thanks',
        tone: 'GRATEFUL',
        language: 'EN',
        maxLength: 200,
      });
      for (const m of en) expect(m.includes(flower.meaning.en)).toBe(fits);
    }
    // Love is for partners: a red rose says 사랑 to a lover, not to a colleague.
    const rosy = (recipient: 'LOVER' | 'COLLEAGUE') =>
      composeMessages({
        flower: rose,
        recipient,
        occasion: '생일',
        tone: 'WARM',
        language: 'KO',
        maxLength: 200,
      }).join('\n');
    expect(rosy('LOVER')).toContain("'사랑'");
    expect(rosy('COLLEAGUE')).not.toContain('사랑');
    expect(rosy('COLLEAGUE')).toContain('빨간 장미');
  });

  it('keeps the meaning on a short card where it fits', () => {
    const messages = composeMessages({
      flower: flower(13),
      recipient: 'MOTHER',
      occasion: '어버이날',
      tone: 'GRATEFUL',
      language: 'KO',
      maxLength: 80,
    });
    for (const m of messages) expect(m).toContain("'감사'");
  });

  it('addresses as Koreans write', () => {
    const ko = (request: Partial<ComposeRequest> & Pick<ComposeRequest, 'recipient'>) =>
      composeMessages({
        flower: flower(22),
        occasion: '생일',
        tone: 'WARM',
        language: 'KO',
        maxLength: 200,
        ...request,
      }).join('\n');
    expect(ko({ recipient: 'OLDER_BROTHER', senderGender: 'MALE' })).toMatch(/(^|\s)형(에게|,)/);
    expect(ko({ recipient: 'OLDER_BROTHER', senderGender: 'FEMALE' })).toMatch(/오빠/);
    expect(ko({ recipient: 'OLDER_SISTER', senderGender: 'MALE' })).toMatch(/누나/);
    expect(
      ko({ recipient: 'OLDER_SISTER', senderGender: 'FEMALE', recipientName: '지민' }),
    ).toContain('지민 언니');
    expect(ko({ recipient: 'OLDER_BROTHER' })).not.toMatch(/형|오빠/);
    expect(ko({ recipient: 'BROTHER', senderGender: 'MALE' })).not.toMatch(/형|오빠|형제/);
    expect(ko({ recipient: 'FRIEND', recipientName: '지민' })).toContain('지민아');
    expect(ko({ recipient: 'FRIEND', recipientName: '수아' })).toContain('수아야');
    expect(ko({ recipient: 'COLLEAGUE', recipientName: '지민' })).toContain('지민 님');
    expect(ko({ recipient: 'SENIOR', recipientName: '지민' })).toContain('지민 선배님');
    expect(ko({ recipient: 'TEACHER' })).toContain('선생님');
    expect(ko({ recipient: 'MOTHER', recipientName: '지민' })).not.toContain('지민');
    expect(ko({ recipient: 'GRANDPARENT' })).toContain('생신');
    expect(ko({ recipient: 'COLLEAGUE' })).not.toMatch(/동료께|늘 고마운 동료/);
  });

  it('speaks 존댓말 to elders, seniors and colleagues and 반말 to friends and lovers', () => {
    const polite = (recipient: 'FATHER' | 'MOTHER' | 'COLLEAGUE' | 'SENIOR' | 'TEACHER') =>
      composeMessages({
        flower: rose,
        recipient,
        occasion: '생일',
        tone: 'WARM',
        language: 'KO',
        maxLength: 200,
      });
    for (const recipient of ['FATHER', 'MOTHER', 'COLLEAGUE', 'SENIOR', 'TEACHER'] as const) {
      for (const m of polite(recipient)) {
        expect(m).toMatch(/요|니다/);
        expect(m).not.toMatch(/축하해!|고마워(?!요)|사랑해(?!요)|골랐어\./);
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
      occasion: '발표회',
      tone: 'WARM',
      language: 'KO',
      maxLength: 200,
      seed: 0,
    });
    expect(messages.join('\n')).toContain('발표회를 맞아');
  });
});

describe('readOccasion', () => {
  it('reads Korean and English occasions, sorrow before celebration', () => {
    expect(readOccasion('엄마 생신')).toBe('BIRTHDAY');
    expect(readOccasion('결혼기념일')).toBe('ANNIVERSARY');
    expect(readOccasion('친구 결혼식')).toBe('WEDDING');
    expect(readOccasion('삼가 조의를 표합니다')).toBe('CONDOLENCE');
    expect(readOccasion('위로')).toBe('COMFORT');
    expect(readOccasion('할머니 장례')).toBe('CONDOLENCE');
    expect(readOccasion('개업 축하')).toBe('OPENING');
    expect(readOccasion('Get well soon')).toBe('RECOVERY');
    expect(readOccasion('퇴원 축하')).toBe('DISCHARGE');
    expect(readOccasion('쾌유를 빌며')).toBe('RECOVERY');
    expect(readOccasion('graduation')).toBe('GRADUATION');
    expect(readOccasion('합격 축하')).toBe('PASS');
    expect(readOccasion('합격 기원')).toBe('CHEER');
    expect(readOccasion('입학')).toBe('ADMISSION');
    expect(readOccasion('취임')).toBe('PROMOTION');
    expect(readOccasion('이사님 승진')).toBe('PROMOTION');
    expect(readOccasion('집들이')).toBe('HOUSEWARMING');
    expect(readOccasion('housewarming')).toBe('HOUSEWARMING');
    expect(readOccasion('전역')).toBe('MILITARY');
    expect(readOccasion('어버이날')).toBe('PARENTS_DAY');
    expect(readOccasion('스승의 날')).toBe('TEACHERS_DAY');
    expect(readOccasion('사과할게')).toBe('APOLOGY');
    expect(readOccasion('sorry')).toBe('APOLOGY');
    expect(readOccasion('출산 축하')).toBe('BIRTH');
    expect(readOccasion('new baby')).toBe('BIRTH');
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
