/** The occasions the composer has phrases for; a free-text occasion is read into one. */
export const OCCASIONS = [
  'BIRTHDAY',
  'WEDDING',
  'GRADUATION',
  'PROMOTION',
  'OPENING',
  'THANKS',
  'CONDOLENCE',
  'ANNIVERSARY',
  'RECOVERY',
  'CHEER',
  'CONGRATS',
  'GENERAL',
] as const;
export type Occasion = (typeof OCCASIONS)[number];

// Checked in this order: sorrow first, so "위로" never reads as a celebration.
const KEYWORDS: [Occasion, RegExp][] = [
  [
    'CONDOLENCE',
    /위로|조문|조의|장례|추모|애도|명복|근조|별세|부고|condolence|sympathy|funeral|memorial|passing|loss/i,
  ],
  ['RECOVERY', /쾌유|쾌차|회복|완쾌|병문안|퇴원|get well|recover/i],
  ['BIRTHDAY', /생일|생신|탄신|돌잔치|birthday|b-?day/i],
  ['ANNIVERSARY', /기념일|주년|100일|백일|anniversar/i],
  ['WEDDING', /결혼|웨딩|혼인|신혼|약혼|wedding|marriage|married|engage/i],
  ['GRADUATION', /졸업|입학|학위|graduat|commencement/i],
  ['PROMOTION', /승진|취임|영전|부임|승급|promot|inaugurat|new (role|position|job)/i],
  ['OPENING', /개업|개점|창업|오픈|이전 개소|opening|grand open|new (shop|store|business)/i],
  [
    'THANKS',
    /감사|고마|어버이날|스승의 ?날|은혜|thank|grateful|gratitude|mother'?s day|father'?s day|parents'? day/i,
  ],
  ['CHEER', /응원|힘내|시험|수능|합격 기원|파이팅|화이팅|cheer|good luck|encourag/i],
  ['CONGRATS', /축하|합격|입사|취업|출산|순산|congrat|celebrat|new baby/i],
];

export function readOccasion(text: string): Occasion {
  for (const [occasion, pattern] of KEYWORDS) if (pattern.test(text)) return occasion;
  return 'GENERAL';
}
