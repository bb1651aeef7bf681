/**
 * The names of the forms that keep a draft, for main and the renderer alike. A form
 * about one visitor is named `<kind>:<visitor id>` (`intake:42`); any other form has a
 * plain name (`registration`). The name is the only place a draft says whom it is
 * about, so main reads it to refuse a draft about an anonymised visitor and to erase
 * the drafts about a visitor; both read it through `visitorIdOfForm` below.
 */

import { jsonProblem, type JsonLimits } from './json';

/** A plain name, optionally followed by `:` and a visitor id; nothing else is a form name. */
export const DRAFT_FORM_PATTERN = /^[a-zA-Z][\w.-]{0,47}(?::[1-9]\d{0,14})?$/;

export const REGISTRATION_FORM = 'registration';

export function intakeForm(visitorId: number): string {
  return `intake:${visitorId}`;
}

/** The visitor a form is about, or null for a form about no one in particular. */
export function visitorIdOfForm(form: string): number | null {
  if (!DRAFT_FORM_PATTERN.test(form)) return null;
  const colon = form.indexOf(':');
  return colon < 0 ? null : Number(form.slice(colon + 1));
}

/** The kind of form before the visitor id (`intake` for `intake:42`). */
export function kindOfForm(form: string): string {
  const colon = form.indexOf(':');
  return colon < 0 ? form : form.slice(0, colon);
}

/** A draft is kept inside the encrypted database, at most this many bytes of JSON. */
export const DRAFT_MAX_BYTES = 64 * 1024;

/**
 * What a draft's data may be: plain JSON, nested at most 32 deep (a form's values are
 * a few levels), with at most half as many values as bytes allowed (each value takes
 * two bytes of JSON at least, so more could never fit: the exact size is measured on saving).
 */
export const DRAFT_DATA_LIMITS: JsonLimits = { maxDepth: 32, maxValues: DRAFT_MAX_BYTES / 2 };

export function draftDataProblem(data: unknown): 'invalid' | 'tooLarge' | null {
  return jsonProblem(data, DRAFT_DATA_LIMITS);
}
