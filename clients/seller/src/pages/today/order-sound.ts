import { useCallback, useState } from 'react';

/** Where the florist's choice is kept on this device; off until they turn it on. */
export const ORDER_SOUND_KEY = 'bloom.seller.orderSound';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function readOrderSound(storage: Store): boolean {
  return storage.getItem(ORDER_SOUND_KEY) === 'on';
}

export function writeOrderSound(storage: Store, on: boolean): void {
  storage.setItem(ORDER_SOUND_KEY, on ? 'on' : 'off');
}

/** Two short rising notes (a shop bell, not an alarm), made on the spot: no sound file. */
function chime(): void {
  const audio = new AudioContext();
  const start = audio.currentTime;
  [880, 1320].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    const at = start + i * 0.18;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.32);
  });
  window.setTimeout(() => void audio.close(), 800);
}

/** The new-order sound: the toggle (kept in localStorage) and `play`, silent when off. */
export function useOrderSound() {
  const [on, setOn] = useState(() => readOrderSound(localStorage));
  const toggle = useCallback(() => {
    writeOrderSound(localStorage, !on);
    setOn(!on);
    // Turning it on is a tap: browsers let a page start audio then, so the florist hears it.
    if (!on) chime();
  }, [on]);
  const play = useCallback(() => {
    if (on) chime();
  }, [on]);
  return { on, toggle, play };
}
