/** The occasions the composer has phrases for; a free-text occasion is read into one. */
export const OCCASIONS = [
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
  'RECOVERY',
  'MILITARY',
  'PARENTS_DAY',
  'TEACHERS_DAY',
  'THANKS',
  'APOLOGY',
  'CHEER',
  'COMFORT',
  'CONDOLENCE',
  'CONGRATS',
  'GENERAL',
] as const;
export type Occasion = (typeof OCCASIONS)[number];

/** Occasions of grief: no cheer, no exclamation marks. */
export const SORROW = new Set<Occasion>(['CONDOLENCE']);

// Checked in this order, so the more specific reading wins: a funeral before anything (but
// "위로" alone is comfort, not a funeral), "퇴원 축하" is a discharge rather than get-well,
// "합격 기원" is cheering before an exam rather than a pass, "결혼기념일" an anniversary,
// "이사님" a director rather than a move.
const KEYWORDS: [Occasion, RegExp][] = [
  [
    'CONDOLENCE',
    /조문|조의|장례|추모|애도|명복|근조|별세|부고|빈소|돌아가|condolence|sympathy|funeral|memorial|passing|passed away|bereave/i,
  ],
  ['APOLOGY', /사과|미안|용서|잘못했|sorry|apolog|forgive/i],
  ['COMFORT', /위로|힘든|슬픔|이별|우울|속상|comfort|hard time|tough time|sad|heartbreak|breakup/i],
  ['MILITARY', /전역|제대|군 ?복무|military|army|navy|end of service/i],
  ['DISCHARGE', /퇴원|out of (the )?hospital|leaving (the )?hospital|discharge/i],
  ['RECOVERY', /쾌유|쾌차|회복|완쾌|병문안|수술|입원|get well|recover|surgery|feel better/i],
  ['PARENTS_DAY', /어버이 ?날|어머니 ?날|아버지 ?날|mother'?s day|father'?s day|parents'? day/i],
  ['TEACHERS_DAY', /스승의 ?날|teacher'?s'? day/i],
  ['ANNIVERSARY', /기념일|주년|100일|백일|anniversar/i],
  ['BIRTHDAY', /생일|생신|탄신|돌잔치|birthday|b-?day/i],
  ['BIRTH', /출산|순산|득남|득녀|탄생|아기|new baby|baby|newborn|birth/i],
  ['WEDDING', /결혼|웨딩|혼인|신혼|약혼|wedding|marriage|married|engage/i],
  [
    'HOUSEWARMING',
    /집들이|이사(?!님|회)|새집|새 집|입주|housewarming|new (home|house|place)|moving/i,
  ],
  ['CHEER', /합격 ?(기원|기도)|(시험|수능|면접) ?(잘|응원|대박|화이팅|파이팅)|good luck/i],
  ['PASS', /합격|붙었|passed|pass the|admitted|acceptance|got in/i],
  ['GRADUATION', /졸업|학위|graduat|commencement/i],
  ['ADMISSION', /입학|신입생|새 학기|starting school|first day of school|enrol/i],
  ['PROMOTION', /승진|취임|영전|부임|승급|promot|inaugurat|new (role|position)/i],
  ['OPENING', /개업|개점|창업|오픈|개원|opening|grand open|new (shop|store|business)/i],
  ['THANKS', /감사|고마|은혜|thank|grateful|gratitude/i],
  ['CHEER', /응원|힘내|파이팅|화이팅|시험|수능|면접|cheer|encourag|you can do/i],
  ['CONGRATS', /축하|입사|취업|congrat|celebrat|new job/i],
];

const read = new Map<string, Occasion>();

export function readOccasion(text: string): Occasion {
  const known = read.get(text);
  if (known) return known;
  const occasion = KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'GENERAL';
  // Occasions are short (at most 40 characters) and repeat; a bounded memo spares the regexes.
  if (read.size >= 10_000) read.clear();
  read.set(text, occasion);
  return occasion;
}
