/**
 * A regular expression source that matches `text` literally, for MongoDB `$regex` filters on
 * what a client typed: regex syntax escaped, and NUL written as `\x00`, because MongoDB refuses
 * a pattern that holds a NUL byte and the whole query then failed as a server error.
 */
export const escapeRegex = (text: string): string =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
