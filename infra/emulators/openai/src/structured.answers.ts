/**
 * The emulator's answers: no model, only keyword rules over the request's text, shaped by the
 * request's JSON schema. They are plausible enough to exercise the services' AI paths locally
 * and nothing more.
 */

/** The part of JSON Schema structured output uses. */
export interface JsonSchema {
  type?: string | string[];
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
}

export interface ChatMessage {
  role: string;
  content?: unknown;
}

/** Text of a message: a string, or the text parts of a content array. */
export function textOf(message: ChatMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (part as { text?: unknown }).text)
    .filter((text): text is string => typeof text === 'string')
    .join('\n');
}

/** The JSON object the schema asks for, built from the conversation. */
export function structuredAnswer(schema: JsonSchema, messages: readonly ChatMessage[]): unknown {
  const system = messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map(textOf)
    .join('\n');
  const user = textOf(messages.filter((m) => m.role === 'user').at(-1));
  const props = schema.properties ?? {};
  if (props.messages?.type === 'array') return { messages: cardMessages(system, user) };
  if (props.category && props.tags) return searchFilters(schema, system, user);
  return minimalValue(schema);
}

// ---------------------------------------------------------------- search filters

/** Enum values of a property (also inside `anyOf: [{enum}, {type: null}]` or array items). */
function enumOf(schema: JsonSchema | undefined): unknown[] {
  if (!schema) return [];
  if (schema.enum) return [...schema.enum];
  if (schema.items) return enumOf(schema.items);
  return (schema.anyOf ?? []).flatMap(enumOf);
}

/** Flower ids by name from `Flowers (id: name — flower language): 1: 장미/Rose — …; …`. */
function flowerNames(system: string): Map<number, string[]> {
  const line = system.split('\n').find((l) => l.startsWith('Flowers')) ?? '';
  const names = new Map<number, string[]>();
  for (const match of line.matchAll(/(\d+): ([^/;]+)\/([^—;]+) —/g)) {
    const [, id = '', ko = '', en = ''] = match;
    names.set(Number(id), [ko.trim(), en.trim()]);
  }
  return names;
}

const CATEGORY_WORDS: Record<string, string[]> = {
  BOUQUET: ['꽃다발', 'bouquet'],
  BASKET: ['바구니', 'basket'],
  BOX: ['상자', '박스', 'box'],
  WREATH: ['화환', 'wreath'],
};
const TAG_WORDS: Record<string, string[]> = {
  FOR_LOVER: ['연인', '여자친구', '남자친구', 'girlfriend', 'boyfriend', 'lover'],
  FOR_FRIEND: ['친구', 'friend'],
  AIR_PURIFYING: ['공기', 'air purifying'],
  OPENING: ['개업', 'opening'],
  PROMOTION: ['승진', '취임', 'promotion'],
  WEDDING: ['결혼', 'wedding'],
  FUNERAL: ['근조', '장례', 'funeral'],
};
const COLOR_WORDS: Record<string, string[]> = {
  RED: ['빨간', '빨강', 'red'],
  WHITE: ['하얀', '흰', '화이트', 'white'],
  YELLOW: ['노란', 'yellow'],
  PINK: ['분홍', '핑크', 'pink'],
  PURPLE: ['보라', 'purple'],
  BLUE: ['파란', '블루', 'blue'],
  ORANGE: ['주황', '오렌지', 'orange'],
};
const SORT_WORDS: Record<string, string[]> = {
  PRICE_ASC: ['싼', '저렴', 'cheap'],
  PRICE_DESC: ['비싼', 'expensive'],
  POPULAR: ['인기', 'popular'],
  NEWEST: ['신상', '최신', 'newest'],
  BEST_RATED: ['평점', 'best rated'],
};
const OCCASION_WORDS: Record<string, string[]> = {
  BIRTHDAY: ['생일', 'birthday'],
  ANNIVERSARY: ['기념일', 'anniversary'],
  WEDDING: ['결혼', 'wedding'],
  FUNERAL: ['근조', '장례', 'funeral'],
  OPENING: ['개업', 'opening'],
  PROMOTION: ['승진', 'promotion'],
  PROPOSAL: ['프러포즈', '청혼', 'proposal'],
  PARENTS_DAY: ['어버이날', "parents' day"],
  GRADUATION: ['졸업', 'graduation'],
};

const matching = (query: string, words: Record<string, string[]>, allowed: unknown[]) =>
  Object.entries(words)
    .filter(([key, list]) => allowed.includes(key) && list.some((w) => query.includes(w)))
    .map(([key]) => key);

/** `5만원 이하`, `3만원 이상`, `under 50000`, `50k`: KRW bounds, roughly as a person reads them. */
function priceBounds(query: string): { priceMin: number | null; priceMax: number | null } {
  const amount = (digits: string, unit: string | undefined) =>
    Number(digits.replace(/,/g, '')) * (unit === '만' ? 10_000 : unit === 'k' ? 1_000 : 1);
  let priceMin: number | null = null;
  let priceMax: number | null = null;
  for (const m of query.matchAll(/([\d,]+)\s*(만|k)?\s*원?\s*(이하|까지|미만|이상|초과)/g)) {
    const value = amount(m[1] ?? '0', m[2]);
    if (m[3] === '이하' || m[3] === '까지') priceMax = value;
    else if (m[3] === '미만') priceMax = value - 1;
    else if (m[3] === '이상') priceMin = value;
    else priceMin = value + 1;
  }
  for (const m of query.matchAll(/(under|below|up to|over|at least)\s*([\d,]+)\s*(k)?/g)) {
    const value = amount(m[2] ?? '0', m[3]);
    if (m[1] === 'up to') priceMax = value;
    else if (m[1] === 'under' || m[1] === 'below') priceMax = value - 1;
    else if (m[1] === 'at least') priceMin = value;
    else priceMin = value + 1;
  }
  return { priceMin, priceMax };
}

function searchFilters(schema: JsonSchema, system: string, user: string): Record<string, unknown> {
  const query = user.toLowerCase();
  const props = schema.properties ?? {};
  const flowerIds = enumOf(props.flowerIds);
  const answer: Record<string, unknown> = {
    category: matching(query, CATEGORY_WORDS, enumOf(props.category))[0] ?? null,
    tags: matching(query, TAG_WORDS, enumOf(props.tags)),
    flowerIds: [...flowerNames(system)]
      .filter(
        ([id, words]) =>
          flowerIds.includes(id) && words.some((w) => query.includes(w.toLowerCase())),
      )
      .map(([id]) => id),
    colors: matching(query, COLOR_WORDS, enumOf(props.colors)),
    ...priceBounds(query),
    sort: matching(query, SORT_WORDS, enumOf(props.sort))[0] ?? null,
    occasion: matching(query, OCCASION_WORDS, enumOf(props.occasion))[0] ?? null,
  };
  // Exactly the schema's fields (strict output): anything it has that we do not, minimal.
  return Object.fromEntries(
    Object.entries(props).map(([key, prop]) => [
      key,
      key in answer ? answer[key] : minimalValue(prop),
    ]),
  );
}

// ---------------------------------------------------------------- card messages

/** Three short messages from the request's fields, in the language the system prompt asks. */
function cardMessages(system: string, user: string): string[] {
  const korean = /\bin Korean\b/.test(system);
  const maxLength = Number(/at most (\d+) characters/.exec(system)?.[1] ?? 200);
  let fields: Record<string, unknown> = {};
  try {
    fields = JSON.parse(user) as Record<string, unknown>;
  } catch {
    // A free-text prompt: the messages are built without its fields.
  }
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : '');
  const flowerField = /^(.*?)\s*\(flower language: (.*)\)$/.exec(text('flower'));
  const flower = flowerField?.[1] ?? (korean ? '꽃' : 'flowers');
  const meaning = flowerField?.[2] ?? (korean ? '고마움' : 'gratitude');
  const recipient = text('recipient') || (korean ? '소중한 당신' : 'you');
  const occasion = /no particular occasion/.test(text('occasion')) ? '' : text('occasion');
  const messages = korean
    ? [
        `${recipient}, ${occasion ? `${occasion} 진심으로 축하해요.` : '늘 고마워요.'} 마음을 담아 꽃을 보내요.`,
        `${flower}의 꽃말, '${meaning}'. 그 마음 그대로 전해요.`,
        `${recipient}의 하루가 ${flower}처럼 환하게 피어나길 바라요.`,
      ]
    : [
        `Dear ${recipient}, ${occasion ? `happy ${occasion}!` : 'thinking of you.'} These flowers carry my love.`,
        `${flower} means "${meaning}" — and that is what I wish for you.`,
        `May your days bloom as brightly as ${flower}, ${recipient}.`,
      ];
  return messages.map((m) =>
    [...(m.charAt(0).toUpperCase() + m.slice(1))].slice(0, maxLength).join(''),
  );
}

// ---------------------------------------------------------------- any other schema

/** The smallest value a schema allows: null where nullable, first enum value, empty, zero. */
export function minimalValue(schema: JsonSchema): unknown {
  if (schema.anyOf) {
    const nullable = schema.anyOf.some((s) => s.type === 'null');
    return nullable ? null : minimalValue(schema.anyOf[0] ?? {});
  }
  if (schema.enum) return schema.enum[0] ?? null;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return null;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, prop]) => [key, minimalValue(prop)]),
      );
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}
