import type { ReactNode } from 'react';

/**
 * One choice as a row of chips (a radio group): who, how they are called, the day, the tone,
 * the card's colour (an option with a swatch shows it). With `optional`, picking the chosen chip
 * again clears the choice.
 */
export function ChoiceChips<K extends string>({
  label,
  options,
  value,
  onChange,
  optional = false,
  children,
}: {
  label: string;
  options: readonly { key: K; label: string; swatch?: string }[];
  value: K | null;
  onChange: (next: K | null) => void;
  optional?: boolean;
  /** Shown before the chips (a question inside the group). */
  children?: ReactNode;
}) {
  return (
    <div className="chips gift-chips" role="radiogroup" aria-label={label}>
      {children}
      {options.map((option) => (
        <button
          key={option.key}
          type="button"
          role="radio"
          aria-checked={value === option.key}
          className={`chip${option.swatch ? ' gift-color' : ''}${value === option.key ? ' active' : ''}`}
          onClick={() => onChange(optional && value === option.key ? null : option.key)}
        >
          {option.swatch && (
            <span aria-hidden className="gift-swatch" style={{ background: option.swatch }} />
          )}
          {option.label}
        </button>
      ))}
    </div>
  );
}
