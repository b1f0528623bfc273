import { InvalidInputError } from './user-error.types.js';

/**
 * A free-text input's length rule: too long is refused with `TOO_LONG` (never cut silently),
 * blank where required with `REQUIRED`. Lengths count the trimmed text, as it is stored.
 */
export function textProblem(
  value: string | null | undefined,
  field: string,
  max: number,
  required = true,
): InvalidInputError | null {
  const text = value?.trim() ?? '';
  if (required && text.length === 0) {
    return InvalidInputError.of(field, 'Fill this in.', 'REQUIRED');
  }
  if (text.length > max) {
    return InvalidInputError.of(field, `Use at most ${max} characters.`, 'TOO_LONG');
  }
  return null;
}

/** The first of several input checks that found a problem, or null when none did. */
export const firstProblem = (...checks: (InvalidInputError | null)[]): InvalidInputError | null =>
  checks.find((check) => check !== null) ?? null;
