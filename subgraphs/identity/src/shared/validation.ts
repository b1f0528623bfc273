import { InvalidInputError } from '@bloom/kernel';

/** Trimmed, lower-cased e-mail: the form stored under the unique index. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^01[016789]-?\d{3,4}-?\d{4}$/;

export function checkEmail(email: string): InvalidInputError | null {
  return EMAIL.test(normalizeEmail(email)) && email.length <= 254
    ? null
    : InvalidInputError.of('email', 'Enter a valid e-mail address.', 'INVALID_EMAIL');
}

export function checkPassword(password: string, field = 'password'): InvalidInputError | null {
  if (
    password.length < 8 ||
    password.length > 128 ||
    !/[A-Za-z]/.test(password) ||
    !/\d/.test(password)
  ) {
    return InvalidInputError.of(
      field,
      'Passwords need at least 8 characters, with letters and digits.',
      'WEAK_PASSWORD',
    );
  }
  return null;
}

export function checkName(name: string, field = 'name', max = 50): InvalidInputError | null {
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= max
    ? null
    : InvalidInputError.of(field, `Enter 1 to ${max} characters.`, 'INVALID_NAME');
}

export function checkPhone(phone: string | undefined, field = 'phone'): InvalidInputError | null {
  if (phone === undefined) return null;
  return PHONE.test(phone.trim())
    ? null
    : InvalidInputError.of(field, 'Enter a mobile number such as 010-1234-5678.', 'INVALID_PHONE');
}

/** Stores phones as 010-1234-5678 whatever the user typed. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11
    ? `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`
    : `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}
