/**
 * Folds text for search so that what the desk types finds what was registered,
 * whatever the case, accents or Arabic spelling variants:
 * - Latin: lower case, accents removed (Aïssatou → aissatou);
 * - Arabic: short vowels and tatweel removed, alef/hamza forms unified (أ إ آ ٱ → ا),
 *   ى → ي, ة → ه, ؤ → و, ئ → ي;
 * - invisible and direction-control characters removed, spaces collapsed.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The searchable fragments of a query, split on spaces: each keeps its inner
 * punctuation (a code such as `ndr-2026-00` is matched as typed) and must have at
 * least `min` characters, one of them a letter or a digit.
 */
export function searchTerms(query: string, min = 3): string[] {
  return foldForSearch(query)
    .split(' ')
    .map((term) => term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((term) => [...term].length >= min && /[\p{L}\p{N}]/u.test(term));
}
