/** The form names are stored and searched in: NFKC, lower case, single spaces. */
export const normalizeText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
