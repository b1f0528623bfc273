import { describe, expect, it } from 'vitest';
import { eul, euro, ieyo, ira, irae, iya, nameStem, vocative } from './korean.grammar.js';

describe('korean particles', () => {
  it('follows the final consonant', () => {
    expect(eul('수국')).toBe('수국을');
    expect(eul('국화')).toBe('국화를');
    expect(euro('하얀 장미')).toBe('하얀 장미로');
    expect(euro('수국')).toBe('수국으로');
    expect(euro('거울')).toBe('거울로');
    expect(ira("'사랑'", '사랑')).toBe("'사랑'이라");
    expect(ieyo("'평화'", '평화')).toBe("'평화'예요");
    expect(irae("'진심'", '진심')).toBe("'진심'이래");
    expect(iya('형')).toBe('형이야');
    expect(iya('너')).toBe('너야');
  });

  it('calls a name with 아 after a final consonant and 야 otherwise', () => {
    expect(vocative('지민')).toBe('지민아');
    expect(vocative('지훈')).toBe('지훈아');
    expect(vocative('수아')).toBe('수아야');
    expect(vocative('하늘')).toBe('하늘아');
    expect(vocative('Alex')).toBe('Alex');
    expect(nameStem('지민')).toBe('지민이');
    expect(nameStem('수아')).toBe('수아');
    expect(nameStem('Alex')).toBe('Alex');
  });
});
