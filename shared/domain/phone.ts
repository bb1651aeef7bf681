import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as typed at the desk (local Moroccan `06…`, `+221 …`, `00 33 …`),
 * normalised to E.164 (`+212612345678`); null when it cannot be a phone number.
 */
export function normalisePhone(input: string, defaultCountry: 'MA' = 'MA'): string | null {
  const cleaned = input.trim().replace(/^00/, '+');
  if (!/^[+\d][\d\s().-]*$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** For display: `+212 6 12 34 56 78`. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
