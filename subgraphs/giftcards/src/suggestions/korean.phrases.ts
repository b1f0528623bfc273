import type { Flower, RecipientKeyValue } from '../catalog/catalog.data.js';
import { eul, euro, hasBatchim, iga, ira } from './korean.grammar.js';
import { COUPLE, PARENTS, isNameable, toneFor } from './message.rules.js';
import type { Level, Tone } from './message.types.js';
import type { Occasion } from './occasion.js';

// The composer's Korean phrasings, per speech level; each list offers several for the picks.

export const KO_GREETINGS: Record<RecipientKeyValue, { casual: string[]; polite: string[] }> = {
  FATHER: { casual: [], polite: ['사랑하는 아버지께', '존경하는 아버지께', '아버지께'] },
  MOTHER: { casual: [], polite: ['사랑하는 어머니께', '고마운 어머니께', '어머니께'] },
  SPOUSE: {
    casual: ['여보,', '사랑하는 당신에게', '내 평생의 짝꿍에게'],
    polite: ['사랑하는 당신께', '여보,'],
  },
  SON: {
    casual: ['사랑하는 우리 아들,', '든든한 우리 아들에게', '우리 아들,'],
    polite: ['사랑하는 아들에게'],
  },
  DAUGHTER: {
    casual: ['사랑하는 우리 딸,', '예쁜 우리 딸에게', '우리 딸,'],
    polite: ['사랑하는 딸에게'],
  },
  BROTHER: {
    casual: ['든든한 내 형제에게', '사랑하는 우리 형제에게', '언제나 내 편인 형제에게'],
    polite: ['소중한 형제에게'],
  },
  SISTER: {
    casual: ['다정한 내 자매에게', '사랑하는 우리 자매에게', '언제나 내 편인 자매에게'],
    polite: ['소중한 자매에게'],
  },
  LOVER: {
    casual: ['사랑하는 너에게', '자기야,', '내 사랑에게'],
    polite: ['사랑하는 당신께'],
  },
  FRIEND: {
    casual: ['친구야,', '소중한 내 친구에게', '오랜 내 친구에게'],
    polite: ['소중한 친구에게'],
  },
  COLLEAGUE: { casual: [], polite: ['늘 고마운 동료께', '함께해 온 동료께', '든든한 동료께'] },
};

export function koOccasions(
  occasion: Occasion,
  level: Level,
  recipient: RecipientKeyValue,
  text: string,
) {
  const birthday = PARENTS.has(recipient) ? '생신' : '생일';
  const polite: Record<Occasion, string[]> = {
    BIRTHDAY: [
      `${birthday} 진심으로 축하드려요.`,
      `태어나 주셔서 고맙습니다. ${birthday} 축하드려요.`,
      `오늘은 일 년 중 가장 특별한 날이에요. ${birthday} 축하드립니다.`,
    ],
    WEDDING: [
      '결혼을 진심으로 축하드립니다.',
      '두 분의 새로운 시작을 온 마음으로 축복합니다.',
      '평생을 함께할 동반자를 만나신 것을 축하드려요.',
    ],
    GRADUATION: [
      '졸업을 진심으로 축하드립니다.',
      '그동안의 노력이 결실을 맺었네요. 졸업 축하드려요.',
      '새로운 출발을 응원합니다. 졸업 축하드려요.',
    ],
    PROMOTION: [
      '승진을 진심으로 축하드립니다.',
      '그동안의 노력이 빛을 보셨네요. 승진 축하드려요.',
      '새로운 자리에서도 멋지게 해내실 거예요. 승진 축하드립니다.',
    ],
    OPENING: [
      '개업을 진심으로 축하드립니다.',
      '새로운 시작에 번창과 행운이 가득하길 바랍니다.',
      '첫걸음을 축하드려요. 늘 손님으로 북적이길 바랍니다.',
    ],
    THANKS: [
      '늘 베풀어 주신 마음에 깊이 감사드립니다.',
      '말로 다 못 한 고마움을 꽃에 담아 전해요.',
      '언제나 곁에서 힘이 되어 주셔서 감사합니다.',
    ],
    CONDOLENCE: [
      '깊은 슬픔에 삼가 위로의 말씀을 전합니다.',
      '어떤 말로도 위로가 되지 않겠지만, 마음만은 곁에 있겠습니다.',
      '고인의 명복을 빌며, 평안을 찾으시길 기도합니다.',
    ],
    ANNIVERSARY: [
      '뜻깊은 기념일을 진심으로 축하드려요.',
      '함께해 온 시간이 참 소중합니다. 기념일 축하드려요.',
      '오늘 같은 날이 앞으로도 오래오래 이어지길 바랍니다.',
    ],
    RECOVERY: [
      '하루빨리 쾌차하시길 진심으로 바랍니다.',
      '건강을 되찾으시길 온 마음으로 기도할게요.',
      '푹 쉬시고 얼른 건강해지세요.',
    ],
    CHEER: [
      '언제나 응원하고 있습니다.',
      '지금까지 잘해 오셨듯 앞으로도 잘 해내실 거예요.',
      '힘든 날에도 이 꽃처럼 환하게 웃으시길 바랄게요.',
    ],
    CONGRATS: [
      '진심으로 축하드립니다.',
      '좋은 소식에 제 일처럼 기쁩니다. 축하드려요.',
      '기쁜 날, 축하하는 마음을 꽃에 담아 전해요.',
    ],
    GENERAL: [
      '문득 생각이 나서 꽃을 보내 드려요.',
      '평범한 하루에 작은 기쁨이 되었으면 해요.',
      '늘 마음속으로 응원하고 있어요.',
    ],
  };
  const casual: Record<Occasion, string[]> = {
    BIRTHDAY: [
      '생일 진심으로 축하해!',
      '태어나 줘서 정말 고마워. 생일 축하해!',
      '오늘은 일 년 중 제일 특별한 날이야. 생일 축하해!',
    ],
    WEDDING: [
      '결혼 진심으로 축하해!',
      '두 사람의 새로운 시작을 온 마음으로 축복해.',
      '평생의 짝을 만난 걸 정말 축하해!',
    ],
    GRADUATION: [
      '졸업 정말 축하해!',
      '그동안 애쓴 만큼 빛나는 졸업이야. 축하해!',
      '새로운 시작을 응원해. 졸업 축하해!',
    ],
    PROMOTION: [
      '승진 진짜 축하해!',
      '그동안 고생한 보람이 있네. 승진 축하해!',
      '새 자리에서도 멋지게 해낼 거야. 승진 축하해!',
    ],
    OPENING: [
      '개업 진심으로 축하해!',
      '새 출발에 행운이 가득하길 바랄게. 대박 나자!',
      '드디어 시작이네! 손님 가득하길 응원해.',
    ],
    THANKS: [
      '늘 고마운 마음, 이번엔 꼭 전하고 싶었어.',
      '말로 다 못 한 고마움을 꽃에 담아 보내.',
      '언제나 곁에 있어 줘서 정말 고마워.',
    ],
    CONDOLENCE: [
      '많이 힘들지. 마음으로 늘 곁에 있을게.',
      '어떤 말도 위로가 안 되겠지만, 네 곁에 있을게.',
      '아픈 마음이 조금이라도 가벼워지길 바랄게.',
    ],
    ANNIVERSARY: [
      COUPLE.has(recipient) ? '우리 기념일 축하해!' : '기념일 정말 축하해!',
      '함께한 모든 날이 선물이었어. 기념일 축하해.',
      '오늘 같은 날이 앞으로도 계속되길!',
    ],
    RECOVERY: [
      '얼른 나아서 다시 웃는 얼굴 보여 줘.',
      '푹 쉬고 빨리 회복하길 바랄게.',
      '아프지 말고 금방 털고 일어나자!',
    ],
    CHEER: [
      '언제나 응원해!',
      '지금까지 잘해 왔으니까 앞으로도 잘할 거야.',
      '힘든 날엔 이 꽃 보면서 한 번 웃어 줘.',
    ],
    CONGRATS: [
      '진심으로 축하해!',
      '좋은 소식에 내 일처럼 기뻐. 축하해!',
      '기쁜 날, 축하하는 마음을 꽃에 담아 보내.',
    ],
    GENERAL: [
      '그냥 네 생각이 나서 꽃을 보내.',
      '평범한 하루에 작은 기쁨이 되면 좋겠어.',
      '늘 마음으로 응원하고 있어.',
    ],
  };
  const lines = [...(level === 'polite' ? polite : casual)[occasion]];
  // An occasion we have no phrases for is still named, when it is a short plain phrase.
  const named = text.trim();
  if (occasion === 'GENERAL' && isNameable(named)) {
    lines[0] =
      level === 'polite'
        ? `${eul(named)} 맞아 마음을 담아 꽃을 보내 드려요.`
        : `${eul(named)} 맞아 마음을 담아 꽃을 보내.`;
  }
  return lines;
}

export function koFlowerLines(flower: Flower | null, level: Level, occasion: Occasion): string[] {
  if (!flower) {
    return level === 'polite'
      ? ['고른 꽃 한 송이 한 송이에 마음을 담았어요.', '꽃처럼 환한 날들이 이어지길 바라요.']
      : ['꽃 한 송이 한 송이에 내 마음을 담았어.', '이 꽃처럼 환한 날들만 가득하길.'];
  }
  const name = flower.name.ko;
  const meaning = flower.meaning.ko;
  const quoted = ira(`'${meaning}'`, meaning);
  if (occasion === 'CONDOLENCE') {
    return level === 'polite'
      ? [
          `${quoted}는 꽃말을 지닌 ${euro(name)} 조용히 마음을 전합니다.`,
          `${name}에 위로의 마음을 담았습니다.`,
          `${iga(name)} 작은 위안이 되기를 바랍니다.`,
        ]
      : [
          `${name}에 내 마음을 담아 조용히 보내.`,
          `${quoted}는 꽃말처럼 네 마음에도 평안이 찾아오길.`,
          `${iga(name)} 작은 위로가 되면 좋겠어.`,
        ];
  }
  return level === 'polite'
    ? [
        `${quoted}는 꽃말을 가진 ${eul(name)} 골랐어요.`,
        `${name}의 꽃말은 ${quoted}고 해요. 제 마음도 꼭 그렇습니다.`,
        `${name}에 '${meaning}'의 마음을 담아 보내 드려요.`,
        `${quoted}는 ${name}의 꽃말처럼 제 마음이 잘 전해지면 좋겠어요.`,
      ]
    : [
        `${quoted}는 꽃말을 가진 ${eul(name)} 골랐어.`,
        `${name} 꽃말이 '${meaning}'${hasBatchim(meaning) ? '이래' : '래'}. 딱 내 마음이야.`,
        `${name}에 '${meaning}'의 마음을 담아 보내.`,
        `${quoted}는 ${name}의 꽃말처럼 내 마음이 잘 전해졌으면 좋겠어.`,
      ];
}

export function koClosings(
  tone: Tone,
  level: Level,
  recipient: RecipientKeyValue,
  occasion: Occasion,
) {
  const parent = PARENTS.has(recipient);
  const address = recipient === 'FATHER' ? '아버지' : '어머니';
  if (occasion === 'CONDOLENCE') {
    return level === 'polite'
      ? ['평안을 빕니다.', '마음 깊이 함께하겠습니다.', '부디 힘내시길 바랍니다.']
      : ['필요할 때 언제든 불러 줘.', '천천히, 괜찮아질 때까지 기다릴게.', '늘 곁에 있을게.'];
  }
  const effective = toneFor(tone, recipient);
  if (level === 'polite') {
    switch (effective) {
      case 'WARM':
        return parent
          ? [
              '늘 건강하세요. 사랑합니다.',
              '오래오래 곁에 계셔 주세요.',
              '언제나 사랑하고 감사합니다.',
            ]
          : [
              '늘 건강하고 행복하세요.',
              '오늘 하루가 꽃처럼 환하길 바라요.',
              '언제나 곁에서 응원할게요.',
            ];
      case 'FORMAL':
        return [
          '앞날에 좋은 일만 가득하시길 바랍니다.',
          '늘 건승하시길 기원합니다.',
          '진심을 담아 인사드립니다.',
        ];
      case 'PLAYFUL':
        return parent
          ? [
              `우리 ${address} 최고예요! 오늘은 마음껏 웃으세요 :)`,
              '꽃보다 더 활짝 웃는 하루 되세요 :)',
              `오늘의 주인공은 ${address}예요!`,
            ]
          : [
              '오늘만큼은 마음껏 웃으세요!',
              '꽃보다 더 활짝 웃는 하루 되세요 :)',
              '기분 좋은 일만 잔뜩 생기실 거예요!',
            ];
      case 'ROMANTIC':
        return [
          '당신과 함께라서 매일이 봄이에요.',
          '앞으로도 곁에 있어 주세요. 사랑합니다.',
          '언제나 사랑합니다.',
        ];
      case 'GRATEFUL':
        return parent
          ? [
              '낳아 주시고 길러 주셔서 감사합니다.',
              '받은 사랑, 평생 갚으며 살게요.',
              '늘 감사하고 사랑합니다.',
            ]
          : [
              '언제나 감사합니다.',
              '베풀어 주신 마음 잊지 않겠습니다.',
              '함께할 수 있어 감사한 마음뿐이에요.',
            ];
    }
  }
  switch (effective) {
    case 'WARM':
    case 'FORMAL':
      return ['늘 행복하길 바랄게.', '오늘 하루가 꽃처럼 환하길!', '언제나 네 편이야.'];
    case 'PLAYFUL':
      return [
        '오늘은 무조건 행복하기로 약속!',
        '꽃보다 네 웃음이 더 환한 거 알지? :)',
        '기분 좋은 일만 잔뜩 생길 거야!',
      ];
    case 'ROMANTIC':
      return [
        '너와 함께라서 매일이 봄이야.',
        '앞으로도 내 옆에 있어 줘. 사랑해.',
        '세상에서 제일 사랑해.',
      ];
    case 'GRATEFUL':
      return [
        '늘 고마워. 진심이야.',
        '네가 있어서 참 다행이야. 고마워.',
        '받은 마음, 잊지 않을게. 고마워.',
      ];
  }
}
