import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 12 base62 characters ≈ 71 bits: short enough to type from a printed card, unguessable. */
export const SECRET_LENGTH = 12;
const FORMAT = /^[0-9A-Za-z]{12}$/;

/** randomInt is uniform (rejection sampling inside), so every character carries log2(62) bits. */
export const newShareSecret = (): string =>
  Array.from({ length: SECRET_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * SHA-256 is enough: with 71 random bits a stolen hash cannot be reversed by guessing, and the
 * guesses against the live service are rate limited; a slow KDF would only add latency.
 */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** Hash of a secret nobody holds: compared against when the card does not exist. */
const DECOY_HASH = hashSecret(`decoy:${newShareSecret()}`);

/** Whether a string could be a share secret at all (the shape every secret has). */
export const isSecretShaped = (presented: string): boolean => FORMAT.test(presented);

/** Constant-time check; unknown cards and malformed secrets cost the same as wrong ones. */
export function secretMatches(presented: string, storedHash: string | undefined): boolean {
  const given = Buffer.from(hashSecret(presented), 'hex');
  const expected = Buffer.from(storedHash ?? DECOY_HASH, 'hex');
  const equal = given.length === expected.length && timingSafeEqual(given, expected);
  return equal && storedHash !== undefined && FORMAT.test(presented);
}
