import type { Flower } from '../catalog/catalog.data.js';
import { eul, euro, iga, ieyo, ira, irae, iya, nameStem, vocative } from './korean.grammar.js';
import { COUPLE, PARENTS, birthdayWord, isNameable } from './message.rules.js';
import type { Lines, Phrasebook, Setting } from './message.types.js';
import type { Occasion } from './occasion.js';

// The composer's Korean phrasings. Sentences are written so that no two of one message share
// a word: the meaning lines own 꽃말 and 골랐-, the occasion lines own 축하, closings own neither.

/** How each catalog flower looks, for the lines that talk about the flower itself. */
const IMAGES: Record<string, string> = {
  '1': '선명하게 핀',
  '2': '단정한',
  '3': '따뜻한 빛깔의',
  '4': '화사한',
  '5': '보기 드문',
  '6': '은은한 빛깔의',
  '7': '환한',
  '8': '하늘하늘한',
  '9': '탐스러운',
  '10': '향기 좋은',
  '11': '단아한',
  '12': '해를 닮은',
  '13': '고운',
  '14': '동글동글 귀여운',
  '15': '향긋한',
  '16': '단정하게 핀',
  '17': '겹겹이 핀',
  '18': '작고 하얀',
  '19': '오래가는',
  '20': '소박한',
  '21': '탐스럽게 핀',
  '22': '푸른 빛깔의',
};

function address(s: Setting): string[] {
  const { name, kin, level } = s;
  const sorrow = s.occasion === 'CONDOLENCE';
  const stem = name ? nameStem(name) : null;
  // Named or not, a condolence heading carries no adjective.
  const pick = (plain: string[], warm: string[]) => (sorrow ? plain : warm);
  switch (s.request.recipient) {
    case 'FATHER':
      return pick(['아버지께'], ['사랑하는 아버지께', '아버지께', '존경하는 아버지께']);
    case 'MOTHER':
      return pick(['어머니께'], ['사랑하는 어머니께', '어머니께', '사랑하는 엄마에게']);
    case 'GRANDPARENT':
      // 할머니 or 할아버지 is unknown, and "조부모님께" reads like a form.
      return [];
    case 'SPOUSE':
      if (level === 'polite') return ['사랑하는 당신께'];
      return pick(['여보,'], ['여보,', '사랑하는 당신에게', '내 평생 짝꿍에게']);
    case 'LOVER':
      if (level === 'polite') return name ? [`사랑하는 ${name} 씨에게`] : ['사랑하는 당신께'];
      if (stem) return pick([`${stem}에게`], [`사랑하는 ${stem}에게`, `${stem}에게`]);
      return pick(['자기야,'], ['자기야,', '사랑하는 너에게', '내 사랑에게']);
    case 'SON':
    case 'DAUGHTER': {
      const child = s.request.recipient === 'SON' ? '아들' : '딸';
      if (stem) return pick([`${stem}에게`], [`사랑하는 ${stem}에게`, `우리 ${stem}에게`]);
      const dear = child === '아들' ? '듬직한' : '예쁜';
      return pick(
        [`우리 ${child}에게`],
        [`사랑하는 우리 ${child}에게`, `${dear} 우리 ${child}에게`],
      );
    }
    case 'BROTHER':
    case 'SISTER':
      // Older or younger is unknown, so no kin term.
      return name ? [`${name}에게`] : [];
    case 'OLDER_BROTHER':
    case 'OLDER_SISTER': {
      if (!kin) return [];
      if (name) return [`${name} ${kin}에게`];
      const dear = s.request.recipient === 'OLDER_BROTHER' ? '든든한' : '다정한';
      return pick([`${kin}에게`], [`${kin}에게`, `우리 ${kin}에게`, `${dear} 우리 ${kin}에게`]);
    }
    case 'YOUNGER_SIBLING':
      if (stem) return pick([`${stem}에게`], [`사랑하는 ${stem}에게`, `${stem}에게`]);
      return pick(['동생에게'], ['사랑하는 동생에게', '아끼는 동생에게', '우리 동생에게']);
    case 'FRIEND':
      if (stem) return pick([`${stem}에게`], [`${stem}에게`, `소중한 ${stem}에게`]);
      if (s.level === 'polite') return ['소중한 친구에게'];
      return pick(['친구에게'], ['소중한 친구에게', '오랜 친구에게', '친구야,']);
    case 'COLLEAGUE':
      // "동료께" reads translated; without a name the card opens with the occasion.
      return name ? [`${name} 님께`] : [];
    case 'SENIOR':
      if (name) return [`${name} 선배님께`];
      return pick(['선배님께'], ['선배님께', '존경하는 선배님께']);
    case 'TEACHER':
      if (name) return [`${name} 선생님께`];
      return pick(['선생님께'], ['선생님께', '존경하는 선생님께']);
    case 'JUNIOR':
      if (stem) return pick([`${stem}에게`], [`${stem}에게`, `아끼는 ${stem}에게`]);
      return pick(['후배에게'], ['아끼는 후배에게']);
  }
}

function call(s: Setting): string | null {
  const { name, kin } = s;
  // 지민아 is 반말: a polite card calls friends and juniors nothing.
  const byName = name && s.level === 'casual' ? vocative(name) : null;
  const formal = s.request.tone === 'FORMAL';
  switch (s.request.recipient) {
    case 'FATHER':
      return formal ? '아버지' : '아빠';
    case 'MOTHER':
      return formal ? '어머니' : '엄마';
    case 'SPOUSE':
      return '여보';
    case 'LOVER':
      return byName ?? (s.level === 'casual' ? '자기야' : null);
    case 'SON':
      return byName ?? '우리 아들';
    case 'DAUGHTER':
      return byName ?? '우리 딸';
    case 'OLDER_BROTHER':
    case 'OLDER_SISTER':
      return kin;
    case 'YOUNGER_SIBLING':
    case 'FRIEND':
    case 'JUNIOR':
      return byName;
    case 'COLLEAGUE':
      return name ? `${name} 님` : null;
    case 'SENIOR':
      return name ? `${name} 선배님` : '선배님';
    case 'TEACHER':
      return name ? `${name} 선생님` : '선생님';
    case 'GRANDPARENT':
    case 'BROTHER':
    case 'SISTER':
      return null;
  }
}

/** The word for the occasion as the sender wrote it, where the kind covers several. */
function occasionWord(occasion: Occasion, text: string): string {
  if (occasion === 'PROMOTION' && /취임|부임|inaugurat/i.test(text)) return '취임';
  if (occasion === 'OPENING' && /창업/.test(text)) return '창업';
  return occasion === 'PROMOTION' ? '승진' : '개업';
}

function politeOccasions(s: Setting): string[] {
  const bw = birthdayWord(s.request.recipient);
  const word = occasionWord(s.occasion, s.request.occasion);
  switch (s.occasion) {
    case 'BIRTHDAY':
      return [
        `${bw} 진심으로 축하드려요.`,
        `기쁜 ${bw}, 축하드립니다.`,
        `오늘은 특별한 날이에요. ${bw} 축하드려요.`,
        `${eul(bw)} 맞아 축하 인사 전해요.`,
      ];
    case 'ANNIVERSARY':
      return PARENTS.has(s.request.recipient)
        ? [
            '두 분의 결혼기념일을 축하드려요.',
            '함께 걸어오신 세월이 참 귀해요. 기념일 축하드립니다.',
            '뜻깊은 결혼기념일, 진심으로 축하드립니다.',
            '오늘은 두 분께 특별한 날이에요. 축하드려요.',
          ]
        : [
            '기념일을 진심으로 축하드려요.',
            '뜻깊은 기념일, 축하드립니다.',
            '함께해 온 시간이 참 귀해요. 기념일 축하드려요.',
            '오늘 같은 날이 오래 이어지길 빌어요.',
          ];
    case 'WEDDING':
      return [
        '결혼을 진심으로 축하드립니다.',
        '두 분의 새 출발을 축복합니다.',
        '평생을 함께할 분을 만나셨네요. 결혼 축하드려요.',
        '결혼 축하드려요. 앞날에 웃음이 가득하시길요.',
      ];
    case 'BIRTH':
      return [
        '건강한 아기와의 첫 만남을 축하드려요.',
        '순산 소식 듣고 정말 기뻤어요. 축하드립니다.',
        '귀한 아기가 태어났네요. 진심으로 축하드려요.',
        '출산을 축하드립니다. 산모와 아기 모두 건강하시길요.',
      ];
    case 'PASS':
      return [
        '합격을 진심으로 축하드려요.',
        '애쓰신 만큼 값진 합격이에요. 축하드립니다.',
        '합격 소식 듣고 정말 기뻤어요. 축하드려요.',
        '노력이 결실을 맺었네요. 합격 축하드립니다.',
      ];
    case 'GRADUATION':
      return [
        '졸업을 진심으로 축하드립니다.',
        '긴 시간 애쓰셨어요. 졸업 축하드려요.',
        '졸업 축하드려요. 새로 시작할 날들이 기대돼요.',
        '뜻깊은 졸업, 축하드립니다.',
      ];
    case 'ADMISSION':
      return [
        '입학을 진심으로 축하드려요.',
        '새 학교에서의 첫걸음을 축하드립니다.',
        '입학 축하드려요. 즐거운 학교생활 되시길요.',
        '설레는 입학, 축하드립니다.',
      ];
    case 'PROMOTION':
      return [
        `${eul(word)} 진심으로 축하드립니다.`,
        `그동안의 노력이 빛을 보셨네요. ${word} 축하드려요.`,
        '새 자리에서도 멋지게 해내실 거예요. 축하드립니다.',
        `기쁜 ${word} 소식, 축하드려요.`,
      ];
    case 'OPENING':
      return [
        `${eul(word)} 진심으로 축하드립니다.`,
        '새 출발에 번창만 가득하시길 빕니다.',
        '첫걸음을 축하드려요. 늘 손님으로 북적이길요.',
        `${word} 축하드려요. 문 여는 날부터 대박 나세요!`,
      ];
    case 'HOUSEWARMING':
      return [
        '새집으로 이사하신 것을 축하드려요.',
        '새 보금자리에 좋은 일만 깃들길 빕니다.',
        '집들이 축하드려요. 새집에서 웃을 일 가득하시길요.',
        '새 보금자리를 진심으로 축하드립니다.',
      ];
    case 'DISCHARGE':
      return [
        '퇴원을 진심으로 축하드려요.',
        '건강하게 퇴원하셔서 정말 다행이에요.',
        '그동안 고생 많으셨어요. 퇴원 축하드립니다.',
        '무사히 퇴원하셨다니 한시름 놓았어요.',
      ];
    case 'RECOVERY':
      return [
        '하루빨리 쾌차하시길 빕니다.',
        '건강을 되찾으시길 진심으로 기도할게요.',
        '푹 쉬시고 얼른 나으세요.',
        '곧 털고 일어나실 거라 믿어요.',
      ];
    case 'MILITARY':
      return [
        '무사히 전역하신 것을 축하드려요.',
        '긴 복무를 마치셨네요. 전역 축하드립니다.',
        '그동안 정말 고생 많으셨어요. 전역 축하드려요.',
        '건강하게 돌아오셔서 반가워요.',
      ];
    case 'PARENTS_DAY':
      return [
        '어버이날을 맞아 감사 인사 드려요.',
        '늘 베풀어 주신 사랑에 감사드려요.',
        '어버이날이라 꼭 전하고 싶었어요. 늘 감사합니다.',
        '받은 사랑이 너무 커서 다 갚을 수가 없어요.',
      ];
    case 'TEACHERS_DAY':
      return [
        '스승의 날을 맞아 감사 인사 드립니다.',
        '가르쳐 주신 은혜, 늘 잊지 않을게요.',
        '덕분에 여기까지 올 수 있었어요.',
        '스승의 날, 깊이 감사드립니다.',
      ];
    case 'THANKS':
      return [
        '늘 베풀어 주신 것에 깊이 감사드립니다.',
        '말로 다 못 한 고마움을 꽃으로 전해요.',
        '언제나 곁에서 힘이 되어 주셔서 감사합니다.',
        '덕분에 힘을 많이 얻었어요. 고맙습니다.',
      ];
    case 'APOLOGY':
      return [
        '진심으로 사과드립니다.',
        '서운하게 해 드려서 죄송해요.',
        '제 잘못이에요. 정말 죄송합니다.',
        '그날 일, 깊이 반성하고 있어요.',
      ];
    case 'CHEER':
      return [
        '언제나 응원하고 있습니다.',
        '지금까지 잘해 오셨듯 앞으로도 잘 해내실 거예요.',
        '힘든 순간에도 곁에서 응원할게요.',
        '좋은 결과 있으실 거예요. 힘내세요.',
      ];
    case 'COMFORT':
      return [
        '많이 힘드시죠. 곁에서 함께할게요.',
        '지금은 그저 푹 쉬셨으면 해요.',
        '어떤 말도 부족하겠지만, 늘 곁에 있을게요.',
        '힘든 시간이 얼른 지나가길 빌어요.',
      ];
    case 'CONDOLENCE':
      return [
        '삼가 고인의 명복을 빕니다.',
        '깊은 슬픔에 삼가 위로의 말씀을 드립니다.',
        '어떤 말로도 위로가 되지 않겠지만, 곁에 있겠습니다.',
        '갑작스러운 비보에 무슨 말씀을 드려야 할지 모르겠습니다.',
      ];
    case 'CONGRATS':
      return [
        '진심으로 축하드립니다.',
        '좋은 소식에 제 일처럼 기뻐요. 축하드려요.',
        '기쁜 소식 들었어요. 정말 축하드립니다.',
        '기쁜 날을 함께 나누고 싶어요. 축하드려요.',
      ];
    case 'GENERAL':
      return [
        '문득 생각이 나서 꽃을 보내 드려요.',
        '평범한 하루에 작은 기쁨이 되었으면 해요.',
        '늘 마음속으로 응원하고 있어요.',
        '요즘 어떻게 지내시는지 궁금했어요.',
      ];
  }
}

function casualOccasions(s: Setting): string[] {
  const couple = COUPLE.has(s.request.recipient);
  const word = occasionWord(s.occasion, s.request.occasion);
  switch (s.occasion) {
    case 'BIRTHDAY':
      return [
        '생일 진심으로 축하해!',
        '생일 축하해! 오늘 하루는 무조건 주인공이야.',
        '태어나 줘서 고마워. 생일 축하해!',
        '일 년에 딱 하루, 제일 특별한 날이네. 축하해!',
      ];
    case 'ANNIVERSARY':
      return couple
        ? [
            '우리 기념일 축하해!',
            '함께한 모든 날이 선물이었어. 기념일 축하해.',
            '벌써 이만큼 왔네. 우리 기념일 축하해.',
            '오늘 같은 날이 앞으로도 계속되길.',
          ]
        : [
            '기념일 정말 축하해!',
            '뜻깊은 기념일, 진심으로 축하해.',
            '함께해 온 시간만큼 빛나는 날이네. 축하해!',
            '오늘 같은 날이 오래 이어지길!',
          ];
    case 'WEDDING':
      return couple
        ? [
            '드디어 우리 결혼이네.',
            '오늘부터 평생 한 편이야.',
            '부부가 된다니 아직도 설레.',
            '함께 걸을 날들이 기대돼.',
          ]
        : [
            '결혼 진심으로 축하해!',
            '두 사람의 새 출발을 축복해.',
            '평생의 짝을 만났구나. 결혼 축하해!',
            '결혼 축하해! 둘이 늘 오늘처럼 웃길.',
          ];
    case 'BIRTH':
      return [
        '출산 정말 축하해!',
        '아기 만난 거 축하해. 고생 많았어.',
        '세상에 온 아기를 환영해!',
        '순산 소식에 나까지 설레. 축하해!',
      ];
    case 'PASS':
      return [
        '합격 진짜 축하해!',
        '그동안 애쓴 보람이 있네. 합격 축하해!',
        '합격 소식 듣고 내 일처럼 기뻤어.',
        '해낼 줄 알았어. 합격 축하해!',
      ];
    case 'GRADUATION':
      return [
        '졸업 정말 축하해!',
        '그동안 고생 많았어. 졸업 축하해!',
        '드디어 졸업이네! 다음 시작도 기대돼.',
        '졸업 축하해! 학교 밖 세상도 멋지게 누비길.',
      ];
    case 'ADMISSION':
      return [
        '입학 축하해!',
        '새 학교에서 좋은 친구 많이 사귀길! 입학 축하해.',
        '설레는 첫 등교네. 입학 축하해!',
        '입학 진심으로 축하해. 새 시작이 기대돼.',
      ];
    case 'PROMOTION':
      return [
        `${word} 진짜 축하해!`,
        `고생한 보람이 있네. ${word} 축하해!`,
        '새 자리에서도 잘해 낼 거야. 축하해!',
        `${word} 소식 듣고 내 일처럼 기뻤어.`,
      ];
    case 'OPENING':
      return [
        `${word} 진심으로 축하해!`,
        `드디어 시작이네! ${word} 축하해.`,
        `${word} 축하해! 대박 나!`,
        '새 출발 축하해. 손님 가득하길!',
      ];
    case 'HOUSEWARMING':
      return [
        '이사 축하해! 새집 정말 좋다.',
        '새 보금자리 축하해. 좋은 일만 가득하길!',
        '집들이 축하해! 새집에서 웃을 일만 있길.',
        '새 보금자리에서 행복하게 지내.',
      ];
    case 'DISCHARGE':
      return [
        '퇴원 축하해!',
        '건강하게 퇴원해서 정말 다행이야.',
        '그동안 고생 많았어. 퇴원 진심으로 축하해.',
        '다시 집으로 돌아온 걸 환영해!',
      ];
    case 'RECOVERY':
      return [
        '얼른 나아서 다시 웃는 얼굴 보여 줘.',
        '푹 쉬고 빨리 회복하길 바랄게.',
        '아프지 말고 금방 털고 일어나자.',
        '몸조리 잘하고 얼른 나아.',
      ];
    case 'MILITARY':
      return [
        '전역 진짜 축하해!',
        '그동안 고생 많았어. 무사히 돌아와서 고마워.',
        '드디어 전역이네! 건강하게 돌아와서 다행이야.',
        '전역 축하해! 이제 하고 싶은 거 마음껏 해.',
      ];
    case 'PARENTS_DAY':
      return [
        '어버이날이라 고마운 얼굴이 떠올랐어.',
        '늘 챙겨 줘서 고마워.',
        '어버이날, 고맙다는 말 꼭 하고 싶었어.',
        '오늘만큼은 꼭 말하고 싶었어. 고마워.',
      ];
    case 'TEACHERS_DAY':
      return [
        '스승의 날 축하해! 늘 애쓰는 거 알아.',
        '아이들 곁에서 애쓰는 모습, 정말 멋져.',
        '스승의 날이라 고마운 얼굴이 떠올랐어.',
        '가르쳐 준 것들, 잊지 않을게.',
      ];
    case 'THANKS':
      return [
        '늘 고마웠는데, 이번엔 꼭 말하고 싶었어.',
        '말로 다 못 한 고마움을 꽃으로 대신할게.',
        '언제나 곁에 있어 줘서 정말 고마워.',
        '덕분에 많이 웃었어. 고마워.',
      ];
    case 'APOLOGY':
      return [
        '정말 미안해.',
        '서운하게 해서 미안해. 내가 잘못했어.',
        '그날 일, 계속 생각났어. 미안해.',
        '내가 먼저 사과하고 싶었어. 미안해.',
      ];
    case 'CHEER':
      return [
        '언제나 응원해!',
        '지금까지 잘해 왔으니까 앞으로도 잘할 거야.',
        '힘들 땐 잠깐 쉬어 가도 괜찮아.',
        '좋은 결과 있을 거야. 힘내!',
      ];
    case 'COMFORT':
      return [
        '많이 힘들지. 내가 곁에 있을게.',
        '지금은 그냥 푹 쉬어도 돼.',
        '말로는 부족하겠지만, 언제든 기대도 돼.',
        '힘든 시간이 얼른 지나가길 바랄게.',
      ];
    case 'CONDOLENCE':
      return [
        '많이 힘들지. 어떤 말도 부족하지만 곁에 있을게.',
        '소식 듣고 한참 아무 말도 못 했어.',
        '고인의 명복을 빌게.',
        '힘든 시간, 혼자 견디지 않았으면 해.',
      ];
    case 'CONGRATS':
      return [
        '진심으로 축하해!',
        '좋은 소식에 내 일처럼 기뻐. 축하해!',
        '소식 듣자마자 축하하고 싶었어!',
        '정말 잘됐다! 축하해.',
      ];
    case 'GENERAL':
      return [
        '그냥 생각이 나서 꽃을 보내.',
        '평범한 하루에 작은 기쁨이 되면 좋겠어.',
        '늘 마음속으로 응원하고 있어.',
        '요즘 잘 지내나 궁금했어.',
      ];
  }
}

/** The recipient as a casual sentence may call them ("딱 너 같아서"), or null to avoid a pronoun. */
function you(s: Setting): string | null {
  if (s.level === 'polite') return null;
  const r = s.request.recipient;
  if (r === 'SPOUSE') return '당신';
  if (r === 'OLDER_BROTHER' || r === 'OLDER_SISTER') return s.kin;
  // An age-unknown sibling might be older, so no 너.
  return r === 'BROTHER' || r === 'SISTER' ? null : '너';
}

/** The subject form: 네가 / 형이 / 당신이. */
const youSubject = (word: string) => (word === '너' ? '네가' : iga(word));

function meaningLines(s: Setting, flower: Flower): Lines {
  const n = flower.name.ko;
  const m = flower.meaning.ko;
  const q = `'${m}'`;
  const called = ira(q, m); // '사랑'이라 / '평화'라
  const casual = s.level === 'casual';
  const you_ = you(s);
  const chose = casual ? `꽃말이 ${q}인 ${eul(n)} 골랐어.` : `꽃말이 ${q}인 ${eul(n)} 골랐어요.`;
  const having = casual
    ? `${called}는 꽃말을 가진 ${eul(n)} 골랐어.`
    : `${called}는 꽃말을 가진 ${eul(n)} 골랐어요.`;
  const said = casual ? `${n} 꽃말이 ${irae(q, m)}.` : `${n}의 꽃말은 ${ieyo(q, m)}.`;
  switch (s.framing) {
    case 'feel':
      return casual
        ? {
            A: `${said} 딱 지금 내 마음이야.`,
            B: `${having} 내 마음 그대로라서.`,
            C: `${n}에 담은 말은 하나, ${iya(q, m)}.`,
            shortA: chose,
            shortB: having,
          }
        : {
            A: `${said} 지금 제 마음이 꼭 그래요.`,
            B: `${having} 제 마음 그대로라서요.`,
            C: `${n}에 담은 말은 하나, ${ieyo(q, m)}.`,
            shortA: chose,
            shortB: having,
          };
    case 'wish':
      return casual
        ? {
            A: `${said} 앞으로의 날들이 꼭 그랬으면 좋겠어.`,
            B: `${having} 하루하루가 꼭 그렇길.`,
            C: `${n} 꽃말처럼 ${q} 가득한 날들이길.`,
            shortA: chose,
            shortB: having,
          }
        : {
            A: `${said} 앞으로의 날들이 꼭 그러시길 빌게요.`,
            B: `${having} 하루하루가 꼭 그러시길요.`,
            C: `${n} 꽃말처럼 ${q} 가득한 날들 보내세요.`,
            shortA: chose,
            shortB: having,
          };
    case 'like':
      if (!casual) {
        return {
          A: `${said} 꼭 어울려서 골랐어요.`,
          B: `${called}는 꽃말이 잘 어울려서 ${eul(n)} 골랐어요.`,
          C: `${called}는 꽃말이 참 잘 어울리세요.`,
          shortA: chose,
          shortB: having,
        };
      }
      return you_
        ? {
            A: `${said} 딱 ${you_} 같아서 골랐어.`,
            B: `${called}는 꽃말을 듣자마자 ${youSubject(you_)} 생각났어.`,
            C: `${called}는 꽃말, 딱 ${iya(you_)}.`,
            shortA: chose,
            shortB: having,
          }
        : {
            A: `${said} 딱 어울려서 골랐어.`,
            B: `${called}는 꽃말이 잘 어울려서 ${eul(n)} 골랐어.`,
            C: `${called}는 꽃말이 참 잘 어울려.`,
            shortA: chose,
            shortB: having,
          };
    case 'couple':
      return casual
        ? {
            A: `${said} 두 사람한테 딱 맞는 말이지?`,
            B: `${called}는 꽃말을 가진 ${eul(n)} 두 사람에게 보내.`,
            C: `${called}는 꽃말, 두 사람 얘기 같아.`,
            shortA: chose,
            shortB: having,
          }
        : {
            A: `${said} 두 분께 꼭 맞는 말이라 골랐어요.`,
            B: `${called}는 꽃말을 가진 ${eul(n)} 두 분께 보내 드려요.`,
            C: `${called}는 꽃말이 꼭 두 분 이야기 같아요.`,
            shortA: chose,
            shortB: having,
          };
    case 'baby':
      return casual
        ? {
            A: `${said} 아기한테 딱 어울리는 말이라 골랐어.`,
            B: `${called}는 꽃말을 가진 ${eul(n)} 아기 몫까지 보내.`,
            C: `${called}는 꽃말, 꼭 아기 같지?`,
            shortA: chose,
            shortB: having,
          }
        : {
            A: `${said} 아기에게 꼭 어울리는 말이라 골랐어요.`,
            B: `${called}는 꽃말을 가진 ${eul(n)} 아기 몫까지 보내 드려요.`,
            C: `${called}는 꽃말이 꼭 아기 같아요.`,
            shortA: chose,
            shortB: having,
          };
    case 'sorrow':
      return casual
        ? {
            A: `${said} 그 뜻을 담아 조용히 보내.`,
            B: `${called}는 꽃말을 가진 ${euro(n)} 내 마음을 대신할게.`,
            C: `${called}는 꽃말을 가진 ${n} 몇 송이를 보내.`,
            shortA: `${called}는 꽃말을 가진 ${eul(n)} 보내.`,
            shortB: `${called}는 꽃말의 ${euro(n)} 대신할게.`,
          }
        : {
            A: `${n}의 꽃말은 ${called}고 합니다. 그 뜻을 담아 조용히 보내 드립니다.`,
            B: `${called}는 꽃말을 지닌 ${euro(n)} 조용히 마음을 전합니다.`,
            C: `${called}는 꽃말을 지닌 ${n} 몇 송이를 보냅니다.`,
            shortA: `${called}는 꽃말을 지닌 ${eul(n)} 보내 드립니다.`,
            shortB: `${called}는 꽃말의 ${euro(n)} 인사드립니다.`,
          };
    case null:
      return flowerLines(s, n, IMAGES[flower.id] ?? '고운');
  }
}

/** Lines about the flower itself, when its meaning does not fit or no flower is known. */
function flowerLines(s: Setting, n: string, image: string): Lines {
  const casual = s.level === 'casual';
  const pictured = `${image} ${n}`;
  if (s.occasion === 'CONDOLENCE') {
    return casual
      ? {
          A: `${n} 몇 송이에 조용히 마음을 담았어.`,
          B: `말로는 부족해서 ${euro(n)} 대신할게.`,
          C: `${iga(n)} 작은 위안이 되면 좋겠어.`,
          shortA: `${n} 몇 송이를 조용히 보내.`,
          shortB: `${euro(n)} 말을 대신할게.`,
        }
      : {
          A: `${n} 몇 송이에 조용히 마음을 담았습니다.`,
          B: `어떤 말도 부족해 ${euro(n)} 인사를 대신합니다.`,
          C: `${iga(n)} 작은 위안이 되길 바랍니다.`,
          shortA: `${n} 몇 송이를 조용히 보냅니다.`,
          shortB: `${euro(n)} 인사를 대신합니다.`,
        };
  }
  if (s.occasion === 'APOLOGY') {
    return casual
      ? {
          A: `말로 하기 전에 ${eul(pictured)} 먼저 보내.`,
          B: `${iga(n)} 내 진심을 대신 전해 주면 좋겠어.`,
          C: `${pictured} 보며 한 번만 웃어 줘.`,
          shortA: `${eul(pictured)} 먼저 보내.`,
          shortB: `${iga(n)} 진심을 전해 주길.`,
        }
      : {
          A: `말씀드리기 전에 ${eul(pictured)} 먼저 보내 드려요.`,
          B: `${iga(n)} 제 진심을 대신 전해 주면 좋겠어요.`,
          C: `${pictured} 보시며 한 번만 웃어 주세요.`,
          shortA: `${eul(pictured)} 먼저 보내 드려요.`,
          shortB: `${iga(n)} 진심을 전해 주길요.`,
        };
  }
  if (s.occasion === 'COMFORT' || s.occasion === 'RECOVERY') {
    return casual
      ? {
          A: `${eul(pictured)} 골라 봤어. 보는 동안만이라도 편했으면 해.`,
          B: `${iga(pictured)} 대신 곁에 있어 줄 거야.`,
          C: `${iga(n)} 작은 쉼이 되면 좋겠어.`,
          shortA: `${eul(pictured)} 골라 봤어.`,
          shortB: `${iga(n)} 곁에 있어 줄 거야.`,
        }
      : {
          A: `${eul(pictured)} 골라 봤어요. 보시는 동안 잠시라도 편안하시길요.`,
          B: `${iga(pictured)} 곁을 지켜 드렸으면 해요.`,
          C: `${iga(n)} 작은 쉼이 되길 빌어요.`,
          shortA: `${eul(pictured)} 골라 봤어요.`,
          shortB: `${iga(n)} 곁을 지켜 드리길요.`,
        };
  }
  return casual
    ? {
        A: `${eul(pictured)} 골랐어. 보자마자 생각이 나서.`,
        B: `${pictured} 한 다발을 먼저 보내.`,
        C: `${n}처럼 환한 날들만 가득하길.`,
        shortA: `${eul(pictured)} 골랐어.`,
        shortB: `${pictured} 한 다발이야.`,
      }
    : {
        A: `${eul(pictured)} 골랐어요. 보자마자 생각이 나서요.`,
        B: `${pictured} 한 다발을 먼저 보내 드려요.`,
        C: `${n}처럼 환한 날들 보내세요.`,
        shortA: `${eul(pictured)} 골랐어요.`,
        shortB: `${pictured} 한 다발이에요.`,
      };
}

type Cell = [string, string, string, string, string, string];

function politeClosings(s: Setting): Cell {
  const elder = PARENTS.has(s.request.recipient);
  switch (s.occasion) {
    case 'CONDOLENCE':
      return [
        '마음 깊이 함께하겠습니다.',
        '부디 몸 잘 챙기세요.',
        '힘든 시간 곁에 있겠습니다.',
        '조용히 함께 슬퍼합니다.',
        '삼가 조의를 표합니다.',
        '부디 평안하시길 기도합니다.',
      ];
    case 'COMFORT':
      return [
        '언제든 편하게 연락 주세요.',
        '곧 좋은 날이 올 거예요.',
        '늘 곁에서 기다릴게요.',
        '천천히 괜찮아지셔도 돼요.',
        '힘내세요.',
        '몸 잘 챙기세요.',
      ];
    case 'RECOVERY':
    case 'DISCHARGE':
      return [
        '늘 건강하세요.',
        '무리하지 마시고 푹 쉬세요.',
        '다시 건강한 모습 뵙길 기다릴게요.',
        '날마다 더 좋아지실 거예요.',
        '곧 찾아뵐게요.',
        '몸조리 잘하세요.',
      ];
    case 'APOLOGY':
      return [
        '다시는 이런 일 없도록 할게요.',
        '앞으로 더 신경 쓰겠습니다.',
        '너그럽게 이해해 주세요.',
        '용서해 주시면 더 잘하겠습니다.',
        '기다리고 있을게요.',
        '다시 웃으며 뵙고 싶어요.',
      ];
    default:
      break;
  }
  switch (s.tone) {
    case 'FORMAL':
      return [
        '앞날에 좋은 일만 가득하시길 바랍니다.',
        '늘 건승하시길 기원합니다.',
        '앞으로의 길을 응원합니다.',
        '앞으로도 변함없이 잘 부탁드립니다.',
        '늘 평안하시길 바랍니다.',
        '건강과 행운을 빕니다.',
      ];
    case 'PLAYFUL':
      return [
        '오늘만큼은 마음껏 웃으세요!',
        '좋은 일이 잔뜩 생기실 거예요!',
        '꽃보다 더 활짝 웃는 하루 되세요 :)',
        '무조건 즐거우셔야 해요!',
        '늘 최고예요!',
        '웃을 일만 가득하시길 :)',
      ];
    case 'GRATEFUL':
      return elder
        ? [
            '받은 사랑, 평생 잊지 않을게요.',
            '늘 감사하고 사랑합니다.',
            '베풀어 주신 모든 것에 감사드려요.',
            '곁에 계셔 주셔서 고맙습니다.',
            '정말 고맙습니다.',
            '늘 감사해요.',
          ]
        : [
            '늘 감사합니다.',
            '덕분에 늘 든든해요.',
            '함께할 수 있어 감사한 날들이에요.',
            '늘 챙겨 주셔서 고맙습니다.',
            '진심으로 감사드려요.',
            '정말 고맙습니다.',
          ];
    case 'WARM':
    case 'ROMANTIC':
      return elder
        ? [
            '늘 건강하세요. 사랑합니다.',
            '오래오래 곁에 계셔 주세요.',
            '언제나 사랑하고 감사합니다.',
            '올해도 건강하게 웃으며 지내세요.',
            '많이 사랑해요.',
            '늘 곁에 있어 주셔서 고마워요.',
          ]
        : [
            '늘 건강하고 행복하세요.',
            '앞으로도 잘 부탁드립니다.',
            '언제나 좋은 일만 가득하시길 바라요.',
            '매일 환하게 웃으시길 바라요.',
            '늘 고맙습니다.',
            '곁에서 늘 응원할게요.',
          ];
  }
}

function casualClosings(s: Setting): Cell {
  const couple = COUPLE.has(s.request.recipient);
  const spouse = s.request.recipient === 'SPOUSE';
  switch (s.occasion) {
    case 'CONDOLENCE':
      return [
        '필요하면 언제든 불러 줘.',
        '천천히, 괜찮아질 때까지 기다릴게.',
        '늘 곁에 있을게.',
        '밥은 꼭 챙겨 먹어.',
        '언제든 연락해.',
        '옆에 있을게.',
      ];
    case 'COMFORT':
      return [
        '언제든 연락해. 바로 갈게.',
        '곧 괜찮아질 거야.',
        '내가 늘 옆에 있을게.',
        '천천히 괜찮아져도 돼.',
        '힘내, 진짜로.',
        '밥 잘 챙겨 먹어.',
      ];
    case 'RECOVERY':
    case 'DISCHARGE':
      return [
        '다 나으면 맛있는 거 먹으러 가자.',
        '무리하지 말고 푹 쉬어.',
        '다 나으면 꼭 보자.',
        '날마다 더 좋아질 거야.',
        '몸조리 잘해.',
        '곧 보자!',
      ];
    case 'APOLOGY':
      return [
        '다시는 서운하게 안 할게.',
        '앞으로 더 잘할게.',
        '화 풀리면 연락 줘.',
        '용서해 줄 때까지 기다릴게.',
        couple ? '그래도 많이 사랑해.' : '다시 웃으며 보자.',
        '보고 싶어.',
      ];
    default:
      break;
  }
  switch (s.tone) {
    case 'PLAYFUL':
      return [
        '오늘은 무조건 행복하기로 약속!',
        '기분 좋은 일만 잔뜩 생길 거야!',
        '꽃보다 웃음이 더 환한 거 알지? :)',
        '하고 싶은 거 다 해!',
        '최고야, 진짜로!',
        '맛있는 거 사 줄게 :)',
      ];
    case 'ROMANTIC':
      return [
        `${spouse ? '당신과' : '너와'} 함께라서 매일이 봄이야.`,
        '앞으로도 내 옆에 있어 줘. 사랑해.',
        '세상에서 제일 사랑해.',
        `오늘도 ${spouse ? '당신' : '네'} 생각뿐이야.`,
        '사랑해, 많이.',
        '보고 싶어, 지금도.',
      ];
    case 'GRATEFUL':
      return [
        '늘 고마워. 진심이야.',
        '곁에 있어 줘서 참 다행이야.',
        '받은 만큼 나도 잘할게.',
        '고마운 거 하나도 안 잊을게.',
        '정말 고마워.',
        '늘 고마워.',
      ];
    case 'WARM':
    case 'FORMAL':
      return [
        '늘 행복하길 바랄게.',
        '오늘 하루가 꽃처럼 환하길!',
        '언제나 곁에 있을게.',
        '좋은 일만 가득하길!',
        '늘 응원해.',
        '곧 얼굴 보자!',
      ];
  }
}

/** The Korean phrasebook for one request. */
export function koPhrasebook(s: Setting): Phrasebook {
  const casual = s.level === 'casual';
  const occasions = casual ? casualOccasions(s) : politeOccasions(s);
  // An occasion we have no phrases for is still named, when it is a short plain phrase.
  const named = s.request.occasion.trim();
  const nameable = s.occasion === 'GENERAL' && isNameable(named);
  if (nameable) {
    occasions[0] = casual
      ? `${eul(named)} 맞아 꽃을 보내.`
      : `${eul(named)} 맞아 꽃을 보내 드려요.`;
  }
  const flower = s.request.flower;
  const lines = flower ? meaningLines(s, flower) : flowerLines(s, '꽃', '고운');
  const cell = casual ? casualClosings(s) : politeClosings(s);
  return {
    address: address(s),
    call: call(s),
    occasions,
    named: nameable,
    meaning: lines,
    closings: { A: cell.slice(0, 2), B: cell.slice(2, 4), C: cell.slice(4, 6) },
  };
}
