import type { Flower, RecipientKeyValue } from '../catalog/catalog.data.js';
import { textLength } from '../cards/message.sanitizer.js';
import { eul, euro, hasBatchim, iga, ira } from './korean.grammar.js';
import { type Occasion, readOccasion } from './occasion.js';

/**
 * The offline author of card messages: used without an OpenAI key and whenever the AI fails
 * or is slow. A message is a greeting, an occasion sentence, a sentence about the flower's
 * language and a closing, each picked from several phrasings written per speech level:
 * parents and colleagues are addressed in 존댓말, family, friends and lovers in 반말 (unless
 * the tone is FORMAL). Choices follow a seed, so the same request gives the same three.
 */

export type Tone = 'WARM' | 'FORMAL' | 'PLAYFUL' | 'ROMANTIC' | 'GRATEFUL';
export type Language = 'KO' | 'EN';

export interface ComposeRequest {
  flower: Flower | null;
  recipient: RecipientKeyValue;
  occasion: string;
  tone: Tone;
  language: Language;
  maxLength: number;
  /** Varies the picks; the same seed and request always give the same messages. */
  seed?: number;
  /** "Show me others": 0, 1, 2... moves to further picks of the same request. */
  variant?: number;
}

type Level = 'polite' | 'casual';
const PARENTS = new Set<RecipientKeyValue>(['FATHER', 'MOTHER']);
const COUPLE = new Set<RecipientKeyValue>(['LOVER', 'SPOUSE']);
const ELDER_OR_WORK = new Set<RecipientKeyValue>(['FATHER', 'MOTHER', 'COLLEAGUE']);

interface Parts {
  greetings: string[];
  occasions: string[];
  flowers: string[];
  closings: string[];
}

// ---------------------------------------------------------------- Korean

const KO_GREETINGS: Record<RecipientKeyValue, { casual: string[]; polite: string[] }> = {
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

function koOccasions(occasion: Occasion, level: Level, recipient: RecipientKeyValue, text: string) {
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
  if (
    occasion === 'GENERAL' &&
    named &&
    textLength(named) <= 12 &&
    /^[\p{L}\p{N} ]+$/u.test(named)
  ) {
    lines[0] =
      level === 'polite'
        ? `${eul(named)} 맞아 마음을 담아 꽃을 보내 드려요.`
        : `${eul(named)} 맞아 마음을 담아 꽃을 보내.`;
  }
  return lines;
}

function koFlowerLines(flower: Flower | null, level: Level, occasion: Occasion): string[] {
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

function koClosings(tone: Tone, level: Level, recipient: RecipientKeyValue, occasion: Occasion) {
  const parent = PARENTS.has(recipient);
  const address = recipient === 'FATHER' ? '아버지' : '어머니';
  if (occasion === 'CONDOLENCE') {
    return level === 'polite'
      ? ['평안을 빕니다.', '마음 깊이 함께하겠습니다.', '부디 힘내시길 바랍니다.']
      : ['필요할 때 언제든 불러 줘.', '천천히, 괜찮아질 때까지 기다릴게.', '늘 곁에 있을게.'];
  }
  // Romance is for couples; for anyone else it reads as warmth.
  const effective = tone === 'ROMANTIC' && !COUPLE.has(recipient) ? 'WARM' : tone;
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

function koParts(request: ComposeRequest, occasion: Occasion): Parts {
  const level: Level =
    ELDER_OR_WORK.has(request.recipient) || request.tone === 'FORMAL' ? 'polite' : 'casual';
  const greetingSet = KO_GREETINGS[request.recipient];
  return {
    greetings: greetingSet[level].length > 0 ? greetingSet[level] : greetingSet.polite,
    occasions: koOccasions(occasion, level, request.recipient, request.occasion),
    flowers: koFlowerLines(request.flower, level, occasion),
    closings: koClosings(request.tone, level, request.recipient, occasion),
  };
}

// ---------------------------------------------------------------- English

const EN_GREETINGS: Record<RecipientKeyValue, string[]> = {
  FATHER: ['Dear Dad,', 'To my wonderful father,', 'Dad,'],
  MOTHER: ['Dear Mom,', 'To my wonderful mother,', 'Mom,'],
  SPOUSE: ['My love,', 'To my wonderful partner,', 'Darling,'],
  SON: ['To my dear son,', 'Dear son,', 'To our wonderful boy,'],
  DAUGHTER: ['To my dear daughter,', 'Dear daughter,', 'To our wonderful girl,'],
  BROTHER: ['Dear brother,', 'To my brother,', 'Hey brother,'],
  SISTER: ['Dear sister,', 'To my sister,', 'Hey sis,'],
  LOVER: ['My love,', 'To my sweetheart,', 'Darling,'],
  FRIEND: ['Dear friend,', 'To my dearest friend,', 'Hey friend,'],
  COLLEAGUE: ['Dear colleague,', 'To a wonderful colleague,', 'To my teammate,'],
};

const EN_OCCASIONS: Record<Occasion, string[]> = {
  BIRTHDAY: [
    'Happy birthday!',
    'Wishing you the happiest of birthdays.',
    'Today is all about you. Happy birthday!',
  ],
  WEDDING: [
    'Congratulations on your wedding!',
    'Wishing you both a lifetime of love and laughter.',
    'Here’s to your new beginning together.',
  ],
  GRADUATION: [
    'Congratulations on your graduation!',
    'All your hard work has paid off. Congratulations, graduate!',
    'Here’s to your next chapter. Happy graduation!',
  ],
  PROMOTION: [
    'Congratulations on your promotion!',
    'Your hard work has been noticed, and it shows. Congratulations!',
    'You will shine in your new role. Congratulations!',
  ],
  OPENING: [
    'Congratulations on your grand opening!',
    'Wishing your new venture every success.',
    'Here’s to a busy shop and happy customers!',
  ],
  THANKS: [
    'Thank you for everything you do.',
    'Words are not enough, so I’m sending flowers to say thank you.',
    'Thank you for always being there for me.',
  ],
  CONDOLENCE: [
    'With deepest sympathy.',
    'No words can ease the loss, but you are in my thoughts.',
    'Thinking of you and wishing you peace in this difficult time.',
  ],
  ANNIVERSARY: [
    'Happy anniversary!',
    'Every day with you has been a gift. Happy anniversary.',
    'Here’s to many more years like these.',
  ],
  RECOVERY: [
    'Get well soon!',
    'Sending healing thoughts your way.',
    'Rest up and feel better soon.',
  ],
  CHEER: [
    'I’m cheering for you, always.',
    'You’ve got this, just like you always have.',
    'On the hard days, let these flowers make you smile.',
  ],
  CONGRATS: [
    'Congratulations!',
    'Such wonderful news. I’m so happy for you!',
    'Sending my warmest congratulations on your big day.',
  ],
  GENERAL: [
    'I was thinking of you and wanted to send some flowers.',
    'A little something to brighten your day.',
    'Just because you deserve flowers.',
  ],
};

function enFlowerLines(flower: Flower | null, occasion: Occasion): string[] {
  if (!flower) {
    return [
      'Every bloom here carries a little of my heart.',
      'May your days be as bright as these flowers.',
    ];
  }
  const name = flower.name.en;
  const meaning = flower.meaning.en;
  if (occasion === 'CONDOLENCE') {
    return [
      `I chose the ${name}, which speaks of ${meaning}, to bring you some comfort.`,
      `May this ${name} bring a moment of peace.`,
      `This ${name} carries my quiet thoughts to you.`,
    ];
  }
  return [
    `I chose the ${name} for you; it stands for ${meaning}.`,
    `In the language of flowers, the ${name} means ${meaning}, and so does my heart.`,
    `This ${name} carries a message of ${meaning}, just for you.`,
    `Like the ${name}, a flower of ${meaning}, my wishes for you are true.`,
  ];
}

function enClosings(tone: Tone, recipient: RecipientKeyValue, occasion: Occasion): string[] {
  if (occasion === 'CONDOLENCE') {
    return [
      'With love and sympathy.',
      'I am here whenever you need me.',
      'Holding you in my heart.',
    ];
  }
  const parent = PARENTS.has(recipient);
  const effective = tone === 'ROMANTIC' && !COUPLE.has(recipient) ? 'WARM' : tone;
  switch (effective) {
    case 'WARM':
      return parent
        ? ['Love you always.', 'Stay healthy and happy.', 'With all my love and thanks.']
        : [
            'Wishing you all the happiness in the world.',
            'May your day bloom as brightly as you do.',
            'Always on your side.',
          ];
    case 'FORMAL':
      return [
        'With warm regards and best wishes.',
        'Wishing you continued success.',
        'With sincere congratulations and respect.',
      ];
    case 'PLAYFUL':
      return [
        'Now go celebrate like you mean it!',
        'You’re even brighter than these flowers :)',
        'Only good things ahead, I promise!',
      ];
    case 'ROMANTIC':
      return [
        'Every day with you feels like spring.',
        'Stay by my side, always. I love you.',
        'I love you more than all the flowers in the world.',
      ];
    case 'GRATEFUL':
      return parent
        ? [
            'Thank you for raising me with so much love.',
            'I’m grateful for you every single day.',
            'Thank you, for everything, always.',
          ]
        : ['I’m so grateful for you.', 'Thank you, truly.', 'Lucky to have you. Thank you.'];
  }
}

function enParts(request: ComposeRequest, occasion: Occasion): Parts {
  const greetings = EN_GREETINGS[request.recipient];
  return {
    greetings: request.tone === 'FORMAL' ? greetings.slice(0, 2) : greetings,
    occasions: EN_OCCASIONS[occasion],
    flowers: enFlowerLines(request.flower, occasion),
    closings: enClosings(request.tone, request.recipient, occasion),
  };
}

// ---------------------------------------------------------------- assembly

/** FNV-1a: a stable seed from the request, so equal requests get equal suggestions. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const at = (list: string[], index: number) => list[index % list.length]!;

/** One message in one of three arrangements, then shorter fallbacks, as lists of lines. */
function arrange(parts: Parts, seed: number, k: number): string[][] {
  // Each part draws from its own mix of the seed, so nearby seeds still differ everywhere;
  // consecutive k give distinct occasion sentences, hence three distinct messages.
  const pickFrom = (list: string[], salt: string) => at(list, seedOf(`${seed}:${salt}`) + k);
  const greeting = pickFrom(parts.greetings, 'greeting');
  const occasion = pickFrom(parts.occasions, 'occasion');
  const flower = pickFrom(parts.flowers, 'flower');
  const closing = pickFrom(parts.closings, 'closing');
  const layouts = [
    [greeting, `${occasion} ${flower}`, closing],
    [greeting, `${flower} ${occasion}`, closing],
    [`${occasion} ${flower}`, closing],
  ];
  // Most to least complete: the caller keeps the first that fits the card.
  return [
    layouts[(seedOf(`${seed}:layout`) + k) % layouts.length]!,
    [greeting, `${occasion} ${flower}`],
    [`${occasion} ${flower}`],
    [occasion, closing],
    [occasion],
  ];
}

/** Three distinct messages that each fit `maxLength` characters. */
export function composeMessages(request: ComposeRequest): string[] {
  const occasion = readOccasion(request.occasion);
  const parts = request.language === 'EN' ? enParts(request, occasion) : koParts(request, occasion);
  const key = [
    request.flower?.id ?? '-',
    request.recipient,
    occasion,
    request.tone,
    request.language,
  ];
  const seed = (request.seed ?? seedOf(key.join('|'))) + (request.variant ?? 0);
  const messages: string[] = [];
  for (let k = 0; messages.length < 3 && k < 12; k++) {
    const candidates = arrange(parts, seed, k).map((lines) => lines.join('\n'));
    const fitting = candidates.find((text) => textLength(text) <= request.maxLength);
    const message = fitting ?? [...candidates.at(-1)!].slice(0, request.maxLength).join('');
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}
