import { describe, expect, it } from 'vitest';
import { ORDER_SOUND_KEY, readOrderSound, writeOrderSound } from './order-sound.js';

const memory = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

describe('the new-order sound setting', () => {
  it('is off on a device that never chose', () => {
    expect(readOrderSound(memory())).toBe(false);
  });

  it('keeps the choice across visits', () => {
    const storage = memory();
    writeOrderSound(storage, true);
    expect(storage.items.get(ORDER_SOUND_KEY)).toBe('on');
    expect(readOrderSound(storage)).toBe(true);
    writeOrderSound(storage, false);
    expect(readOrderSound(storage)).toBe(false);
  });

  it('treats anything unexpected as off', () => {
    const storage = memory();
    storage.setItem(ORDER_SOUND_KEY, 'true');
    expect(readOrderSound(storage)).toBe(false);
  });
});
