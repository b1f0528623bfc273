/*
 * Line icons drawn inline (24×24, currentColor): they look the same on every phone and in
 * headless browsers without an emoji font, and need no icon font download.
 */
const PATHS = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  flower:
    'M12 8a3 3 0 1 0 0 .01M12 2a3 3 0 0 1 3 3 3 3 0 0 1 4 4 3 3 0 0 1-3 3 3 3 0 0 1-4 4 3 3 0 0 1-4-4 3 3 0 0 1-3-3 3 3 0 0 1 4-4 3 3 0 0 1 3-3zM12 15v7M9 19c-2 0-3-1-3-3 2 0 3 1 3 3zM15 19c2 0 3-1 3-3-2 0-3 1-3 3z',
  cart: 'M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h9.2a1 1 0 0 0 1-.8L20 8H6.2M9 20.5a1 1 0 1 0 0 .01M17 20.5a1 1 0 1 0 0 .01',
  repeat: 'M17 2l4 4-4 4M3 12V10a4 4 0 0 1 4-4h14M7 22l-4-4 4-4M21 12v2a4 4 0 0 1-4 4H3',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
