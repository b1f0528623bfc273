const OBJECT_ID_HEX = /^[0-9a-fA-F]{24}$/;

/**
 * The one spelling of a card id: 24 hex digits in lower case, as `ObjectId#toHexString` writes
 * it. Anything else is null. `ObjectId.isValid` is not used because it also accepts any
 * 12-character string, and the lookup parses hex case-insensitively: keying limits on the raw
 * string would give every spelling of one card its own budget.
 */
export function parseCardId(raw: string): string | null {
  return OBJECT_ID_HEX.test(raw) ? raw.toLowerCase() : null;
}
