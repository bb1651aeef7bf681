import type { CountryCode } from '../../../shared/domain/countries';
import { IDENTIFYING_FIELDS } from '../../../shared/domain/visitor-fields';
import {
  type FAMILY_SITUATIONS,
  type HOUSING_SITUATIONS,
  type Sex,
  type SPOKEN_LANGUAGES,
  type VisitorFields,
  type VisitorFieldsInput,
} from '../../../shared/domain/visitors';

type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** The identity form as typed: text stays text until it is sent. */
export interface IdentityValues {
  firstName: string;
  lastName: string;
  alias: string;
  sex: Sex | null;
  birthYear: string;
  birthYearEstimated: boolean;
  nationality: CountryCode | null;
  languages: SpokenLanguage[];
  interpreterNeeded: boolean;
  interpreterLanguage: SpokenLanguage | null;
  phone: string;
  familySituation: (typeof FAMILY_SITUATIONS)[number] | null;
  childrenCount: number | string;
  housing: (typeof HOUSING_SITUATIONS)[number] | null;
  arrivalMonth: string;
}

export const EMPTY_IDENTITY: IdentityValues = {
  firstName: '',
  lastName: '',
  alias: '',
  sex: null,
  birthYear: '',
  birthYearEstimated: false,
  nationality: null,
  languages: [],
  interpreterNeeded: false,
  interpreterLanguage: null,
  phone: '',
  familySituation: null,
  childrenCount: 0,
  housing: null,
  arrivalMonth: '',
};

/** Kept only with consent to data processing: the list main checks. */
export const IDENTIFYING: readonly (keyof IdentityValues)[] = IDENTIFYING_FIELDS;

export function identityFromFields(fields: VisitorFields): IdentityValues {
  return {
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    alias: fields.alias ?? '',
    sex: fields.sex,
    birthYear: fields.birthYear === null ? '' : String(fields.birthYear),
    birthYearEstimated: fields.birthYearEstimated,
    nationality: fields.nationality,
    languages: fields.languages,
    interpreterNeeded: fields.interpreterNeeded,
    interpreterLanguage: fields.interpreterLanguage,
    phone: fields.phone ?? '',
    familySituation: fields.familySituation,
    childrenCount: fields.childrenCount,
    housing: fields.housing,
    arrivalMonth: fields.arrivalMonth ?? '',
  };
}

/** A year typed as four digits; anything else is left for main to refuse, as a number it cannot take. */
function yearOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * What is sent to main. Without consent to data processing the identifying fields
 * are not sent at all; main checks everything again.
 */
export function fieldsFromIdentity(values: IdentityValues, consented: boolean): VisitorFieldsInput {
  const text = (value: string) => (consented && value.trim() !== '' ? value : null);
  const children = typeof values.childrenCount === 'number' ? values.childrenCount : values.childrenCount.trim() === '' ? 0 : Number.NaN;
  return {
    firstName: text(values.firstName),
    lastName: text(values.lastName),
    alias: text(values.alias),
    sex: values.sex as Sex,
    birthYear: yearOf(values.birthYear),
    birthYearEstimated: values.birthYearEstimated,
    nationality: values.nationality,
    languages: values.languages,
    interpreterNeeded: values.interpreterNeeded,
    interpreterLanguage: values.interpreterNeeded ? values.interpreterLanguage : null,
    phone: text(values.phone),
    familySituation: consented ? values.familySituation : null,
    childrenCount: consented ? children : 0,
    housing: consented ? values.housing : null,
    arrivalMonth: consented && values.arrivalMonth ? values.arrivalMonth : null,
  };
}

/** The identity fields main may name in an error, as the form shows them (`fields.birthYear`). */
export const IDENTITY_ERROR_FIELDS = [
  'firstName',
  'lastName',
  'alias',
  'sex',
  'birthYear',
  'birthYearEstimated',
  'nationality',
  'languages',
  'interpreterNeeded',
  'interpreterLanguage',
  'phone',
  'familySituation',
  'childrenCount',
  'housing',
  'arrivalMonth',
].map((name) => `fields.${name}`);
