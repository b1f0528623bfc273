import { InvalidInputError } from '@bloom/kernel';
import { findTemplate } from '../templates/template.catalog.js';
import { sanitizeLine, sanitizeMessage, textLength } from './message.sanitizer.js';

export const FROM_NAME_MAX_LENGTH = 30;

export function checkMessage(raw: string, maxLength: number): string | InvalidInputError {
  const message = sanitizeMessage(raw);
  if (message.length === 0) {
    return InvalidInputError.of('message', 'Write a message for the card.', 'MESSAGE_REQUIRED');
  }
  if (textLength(message) > maxLength) {
    return InvalidInputError.of(
      'message',
      `A card holds at most ${maxLength} characters (this one has ${textLength(message)}).`,
      'MESSAGE_TOO_LONG',
    );
  }
  return message;
}

/** Empty after sanitizing means "no signature". */
export function checkFromName(raw: string | undefined): string | undefined | InvalidInputError {
  if (raw === undefined) return undefined;
  const name = sanitizeLine(raw);
  if (textLength(name) > FROM_NAME_MAX_LENGTH) {
    return InvalidInputError.of(
      'fromName',
      `At most ${FROM_NAME_MAX_LENGTH} characters.`,
      'FROM_NAME_TOO_LONG',
    );
  }
  return name;
}

export function checkTemplate(key: string): string | InvalidInputError {
  return findTemplate(key)
    ? key
    : InvalidInputError.of('templateKey', 'No such card design.', 'UNKNOWN_TEMPLATE');
}
