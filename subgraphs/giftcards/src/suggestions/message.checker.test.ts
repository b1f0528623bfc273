import { describe, expect, it } from 'vitest';
import { findFlower } from '../catalog/catalog.data.js';
import { type CheckCode, checkMessage, checkMessages } from './message.checker.js';
import type { CheckRequest } from './message.types.js';

function flower(id: number) {
  const found = findFlower(id);
  if (!found) throw new Error(`flower ${id} missing from the reference data`);
  return found;
}

const request = (overrides: Partial<CheckRequest>): CheckRequest => ({
  flower: flower(1),
  recipient: 'FRIEND',
  occasion: '생일',
  tone: 'WARM',
  language: 'KO',
  maxLength: 200,
  ...overrides,
});

const codes = (r: CheckRequest, message: string): CheckCode[] =>
  checkMessage(r, message).map((p) => p.code);

describe('checkMessage, on the strings a native reader marked down', () => {
  it('refuses a love meaning claimed to a colleague, and any meaning that does not fit', () => {
    const promotion = request({ flower: flower(12), recipient: 'COLLEAGUE', occasion: '승진' });
    expect(
      codes(
        promotion,
        "승진을 축하드립니다. 해바라기의 꽃말은 '일편단심'이라고 해요. 제 마음도 꼭 그렇습니다.",
      ),
    ).toContain('LOVE_MEANING_MISFIT');
    const colleague = request({ recipient: 'COLLEAGUE', occasion: '생일' });
    expect(
      codes(colleague, "생일 축하드려요. '사랑'이라는 꽃말을 가진 빨간 장미를 골랐어요."),
    ).toContain('LOVE_MEANING_MISFIT');
    const mother = request({ flower: flower(2), recipient: 'MOTHER', occasion: '어버이날' });
    expect(
      codes(
        mother,
        "어머니께\n'매력'이라는 하얀 장미의 꽃말처럼 제 마음이 잘 전해지면 좋겠어요.\n늘 건강하세요.",
      ),
    ).toContain('MEANING_MISFIT');
  });

  it('refuses an abstract noun with 의 마음', () => {
    for (const [id, meaning] of [
      [2, '매력'],
      [14, '신비'],
      [21, '수줍음'],
      [5, '기적'],
    ] as const) {
      const message = `생일 축하해! 꽃말이 '${meaning}'이래. 이 꽃에 '${meaning}'의 마음을 담아 보내.`;
      expect(codes(request({ flower: flower(id), recipient: 'LOVER' }), message)).toContain(
        'ABSTRACT_MAUM',
      );
    }
    expect(codes(request({}), '생일 축하해! 빨간 장미에 감사의 마음을 담았어.')).toContain(
      'ABSTRACT_MAUM',
    );
  });

  it('refuses a clause or closing said twice', () => {
    expect(
      codes(request({}), "생일 축하해! 꽃말이 '사랑'이래. 오늘 행복하면 좋겠어. 늘 웃으면 좋겠어."),
    ).toContain('REPEATED_CLOSING');
    expect(
      codes(
        request({ recipient: 'BROTHER', flower: flower(15) }),
        '언제나 내 편인 형제에게\n생일 축하해! 프리지아를 골랐어.\n언제나 네 편이야.',
      ),
    ).toEqual(expect.arrayContaining(['REPEATED_CLOSING', 'ODD_ADDRESS']));
    expect(
      codes(
        request({ recipient: 'SENIOR', occasion: '조문', flower: flower(11), tone: 'FORMAL' }),
        "국화의 꽃말은 '평화'라고 합니다. 고인께서 평안을 찾으시길 기도합니다.\n평안을 빕니다.",
      ),
    ).toContain('REPEATED_CLOSING');
  });

  it('refuses translated and wrong forms of address', () => {
    const rose = "생일 축하해! 꽃말이 '사랑'이래."; // a meaning that fits none of these
    expect(codes(request({ recipient: 'BROTHER' }), `든든한 내 형제에게\n${rose}`)).toContain(
      'ODD_ADDRESS',
    );
    expect(codes(request({ recipient: 'SISTER' }), `다정한 내 자매에게\n${rose}`)).toContain(
      'ODD_ADDRESS',
    );
    expect(
      codes(
        request({ recipient: 'COLLEAGUE', flower: flower(13) }),
        '늘 고마운 동료께\n생일 축하드려요.',
      ),
    ).toContain('ODD_ADDRESS');
    // 오빠 from a brother, and any kin term when the sender's gender is unknown.
    const older = (senderGender: 'MALE' | 'FEMALE' | null) =>
      request({ recipient: 'OLDER_BROTHER', flower: flower(22), senderGender });
    const toBrother = "오빠에게\n생일 축하해! 델피늄 꽃말이 '행복'이래.";
    expect(codes(older('MALE'), toBrother)).toContain('ODD_ADDRESS');
    expect(codes(older(null), toBrother)).toContain('ODD_ADDRESS');
    expect(codes(older('FEMALE'), toBrother)).not.toContain('ODD_ADDRESS');
    expect(
      codes(request({ recipient: 'MOTHER', recipientName: '지민' }), '지민 님께\n생신 축하드려요.'),
    ).toContain('ODD_ADDRESS');
  });

  it('refuses cheer at a funeral and a fitting meaning left out', () => {
    const condolence = request({ recipient: 'COLLEAGUE', occasion: '조문', flower: flower(11) });
    const cheerful = '든든한 동료께\n깊은 슬픔에 삼가 위로의 말씀을 드립니다. 힘내세요!';
    expect(codes(condolence, cheerful)).toEqual(
      expect.arrayContaining(['CHEERFUL_CONDOLENCE', 'ODD_ADDRESS', 'MEANING_MISSING']),
    );
  });

  it('refuses a speech level that does not match the recipient', () => {
    expect(
      codes(
        request({ recipient: 'MOTHER', flower: flower(13), occasion: '감사' }),
        "늘 감사드려요. 카네이션의 꽃말은 '감사'예요. 늘 행복하길 바랄게.",
      ),
    ).toContain('WRONG_LEVEL');
    expect(
      codes(
        request({ recipient: 'FRIEND', flower: flower(15) }),
        "생일 진심으로 축하드립니다. 프리지아 꽃말이 '영원한 우정'이래.",
      ),
    ).toContain('WRONG_LEVEL');
  });

  it('checks the length and English too', () => {
    expect(
      codes(
        request({ maxLength: 30 }),
        "생일 축하해! 빨간 장미 꽃말이 '사랑'이래. 딱 내 마음이야.",
      ),
    ).toContain('TOO_LONG');
    expect(codes(request({}), "꽃말은 '사랑'.")).toContain('TOO_SHORT');
    const english = request({
      language: 'EN',
      recipient: 'COLLEAGUE',
      occasion: 'funeral',
      flower: flower(11),
    });
    expect(codes(english, 'Congratulations! The chrysanthemum means “peace”. With love.')).toEqual(
      expect.arrayContaining(['CHEERFUL_CONDOLENCE', 'LOVE_MEANING_MISFIT']),
    );
  });

  it('passes a message a native reader would sign', () => {
    expect(
      checkMessage(
        request({
          recipient: 'SENIOR',
          recipientName: '지민',
          occasion: '승진',
          flower: flower(9),
        }),
        "지민 선배님께\n승진을 진심으로 축하드립니다. 수국의 꽃말은 '진심'이에요. 지금 제 마음이 꼭 그래요.\n앞으로도 잘 부탁드립니다.",
      ),
    ).toEqual([]);
  });
});

describe('checkMessages, on the three together', () => {
  const r = request({ recipient: 'FRIEND', flower: flower(15) });
  const a = "생일 축하해! 프리지아 꽃말이 '영원한 우정'이래.\n늘 행복하길 바랄게.";
  const b = "'영원한 우정'이라는 꽃말을 가진 프리지아를 골랐어.\n오늘 하루가 꽃처럼 환하길!";
  const c =
    "친구야, 생일 진심으로 축하해!\n프리지아에 담은 말은 하나, '영원한 우정'이야. 언제나 곁에 있을게.";

  it('passes three that differ in opening and closing', () => {
    expect(checkMessages(r, [a, b, c])).toEqual([]);
  });

  it('refuses a shared closing or opening and a wrong count', () => {
    const sameClosing = "'영원한 우정'이라는 꽃말을 가진 프리지아를 골랐어.\n늘 행복하길 바랄게.";
    expect(checkMessages(r, [a, sameClosing, c]).map((p) => p.code)).toContain('SAME_CLOSING');
    const sameOpening = "생일 축하해! 프리지아에 담은 말은 하나, '영원한 우정'이야.\n곧 얼굴 보자!";
    expect(checkMessages(r, [a, b, sameOpening]).map((p) => p.code)).toContain('SAME_OPENING');
    expect(checkMessages(r, [a, b]).map((p) => p.code)).toContain('WRONG_COUNT');
  });
});
