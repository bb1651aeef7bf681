import { COUNTRY_CODES } from './countries';
import {
  FAMILY_SITUATIONS,
  HOUSING_SITUATIONS,
  SEXES,
  SPOKEN_LANGUAGES,
  type ConsentKind,
  type VisitorFields,
} from './visitors';

/** How a field is kept in its column. */
export type FieldStorage = 'text' | 'integer' | 'boolean' | 'json';

/** The input a form gives the field. */
export type FieldFormKind = 'name' | 'choice' | 'country' | 'languages' | 'language' | 'year' | 'checkbox' | 'phone' | 'count' | 'month';

/** What the desk keeps of a visitor, one entry per field: everything else is derived from it. */
export interface VisitorFieldSpec<F extends keyof VisitorFields = keyof VisitorFields> {
  /** The column of `visitors` that holds it. */
  column: string;
  storage: FieldStorage;
  /**
   * Tells who she is, alone or with other fields: kept only with `consent` given, erased
   * for good when that consent is withdrawn and on anonymisation.
   */
  identifying: boolean;
  /** Erased on anonymisation: every identifying field, and what is too precise to keep (the exact birth year). */
  erasedOnAnonymisation: boolean;
  /** The consent without which the field is not kept. */
  consent: ConsentKind | null;
  /** Its value once erased, or before anything is known. */
  empty: VisitorFields[F];
  form: FieldFormKind;
  /** The values it may take, for a choice; their labels are `labels.<value>` in the catalogues. */
  options: readonly string[] | null;
  labels: string | null;
  /** The label of the field itself, under `visitorFields`. */
  label: string;
  /** Shown among the facts of her profile (a field that only qualifies another is not). */
  shownOnProfile: boolean;
}

type FieldTable = { [F in keyof VisitorFields]: VisitorFieldSpec<F> };

const identifying = { identifying: true, erasedOnAnonymisation: true, consent: 'dataProcessing' } as const;
const kept = { identifying: false, erasedOnAnonymisation: false, consent: null } as const;

/**
 * Every field of a visitor's identity. A new field goes here first: the database row's
 * mapping, what consent to data processing covers, what anonymisation erases, the
 * profile and the labels of its values follow (tests/unit/visitor-fields.test.ts loops
 * over this table).
 */
export const VISITOR_FIELDS: FieldTable = {
  firstName: { column: 'first_name', storage: 'text', ...identifying, empty: null, form: 'name', options: null, labels: null, label: 'firstName', shownOnProfile: true },
  lastName: { column: 'last_name', storage: 'text', ...identifying, empty: null, form: 'name', options: null, labels: null, label: 'lastName', shownOnProfile: true },
  alias: { column: 'alias', storage: 'text', ...identifying, empty: null, form: 'name', options: null, labels: null, label: 'alias', shownOnProfile: true },
  sex: { column: 'sex', storage: 'text', ...kept, empty: 'undisclosed', form: 'choice', options: SEXES, labels: 'sexes', label: 'sex', shownOnProfile: true },
  // The exact year is erased on anonymisation; a five-year band is kept instead.
  birthYear: { column: 'birth_year', storage: 'integer', ...kept, erasedOnAnonymisation: true, empty: null, form: 'year', options: null, labels: null, label: 'birthYear', shownOnProfile: true },
  birthYearEstimated: {
    column: 'birth_year_estimated',
    storage: 'boolean',
    ...kept,
    erasedOnAnonymisation: true,
    empty: false,
    form: 'checkbox',
    options: null,
    labels: null,
    label: 'birthYearEstimated',
    shownOnProfile: false,
  },
  nationality: { column: 'nationality', storage: 'text', ...kept, empty: null, form: 'country', options: COUNTRY_CODES, labels: null, label: 'nationality', shownOnProfile: true },
  // Languages, with the nationality, would narrow her down too far once her names are gone.
  languages: { column: 'languages', storage: 'json', ...kept, erasedOnAnonymisation: true, empty: [], form: 'languages', options: SPOKEN_LANGUAGES, labels: 'spokenLanguages', label: 'languages', shownOnProfile: true },
  interpreterNeeded: { column: 'interpreter_needed', storage: 'boolean', ...kept, empty: false, form: 'checkbox', options: null, labels: null, label: 'interpreterNeeded', shownOnProfile: false },
  interpreterLanguage: {
    column: 'interpreter_language',
    storage: 'text',
    ...kept,
    erasedOnAnonymisation: true,
    empty: null,
    form: 'language',
    options: SPOKEN_LANGUAGES,
    labels: 'spokenLanguages',
    label: 'interpreter',
    shownOnProfile: true,
  },
  phone: { column: 'phone', storage: 'text', ...identifying, empty: null, form: 'phone', options: null, labels: null, label: 'phone', shownOnProfile: true },
  familySituation: {
    column: 'family_situation',
    storage: 'text',
    ...identifying,
    empty: null,
    form: 'choice',
    options: FAMILY_SITUATIONS,
    labels: 'familySituations',
    label: 'familySituation',
    shownOnProfile: true,
  },
  childrenCount: { column: 'children_count', storage: 'integer', ...identifying, empty: 0, form: 'count', options: null, labels: null, label: 'childrenCount', shownOnProfile: true },
  housing: { column: 'housing', storage: 'text', ...identifying, empty: null, form: 'choice', options: HOUSING_SITUATIONS, labels: 'housingSituations', label: 'housing', shownOnProfile: true },
  arrivalMonth: { column: 'arrival_month', storage: 'text', ...identifying, empty: null, form: 'month', options: null, labels: null, label: 'arrivalMonth', shownOnProfile: true },
};

export type VisitorFieldName = keyof VisitorFields;

/** The fields in the table's order, which is the order forms and the profile show them in. */
export const VISITOR_FIELD_NAMES = Object.keys(VISITOR_FIELDS) as VisitorFieldName[];

/** The fields matching `keep`, each at its empty value. */
export function emptyFieldsWhere(keep: (spec: VisitorFieldSpec) => boolean): Partial<VisitorFields> {
  return Object.fromEntries(VISITOR_FIELD_NAMES.filter((name) => keep(VISITOR_FIELDS[name])).map((name) => [name, VISITOR_FIELDS[name].empty]));
}

/** A field's value as its column holds it. */
export function toColumnValue(name: VisitorFieldName, value: VisitorFields[VisitorFieldName]): string | number | null {
  switch (VISITOR_FIELDS[name].storage) {
    case 'json':
      return JSON.stringify(value ?? VISITOR_FIELDS[name].empty);
    case 'boolean':
      return value ? 1 : 0;
    default:
      return (value as string | number | null) ?? null;
  }
}

/** A column's content as the field's value. The schema checked it on the way in. */
export function fromColumnValue(name: VisitorFieldName, stored: unknown): VisitorFields[VisitorFieldName] {
  switch (VISITOR_FIELDS[name].storage) {
    case 'json':
      return JSON.parse(String(stored)) as VisitorFields[VisitorFieldName];
    case 'boolean':
      return stored === 1;
    default:
      return (stored ?? null) as VisitorFields[VisitorFieldName];
  }
}

/** A visitor's fields from her row of `visitors`. */
export function fieldsFromRow(row: Record<string, unknown>): VisitorFields {
  return Object.fromEntries(VISITOR_FIELD_NAMES.map((name) => [name, fromColumnValue(name, row[VISITOR_FIELDS[name].column])])) as unknown as VisitorFields;
}

/** The identifying fields: kept only with consent to data processing, erased when it is withdrawn and on anonymisation. */
export const IDENTIFYING_FIELDS = VISITOR_FIELD_NAMES.filter((name) => VISITOR_FIELDS[name].identifying);

/** The identifying fields, each at its empty value: what a withdrawal of consent leaves. */
export const EMPTY_IDENTIFYING_FIELDS: Partial<VisitorFields> = emptyFieldsWhere((spec) => spec.identifying);

/** What anonymisation leaves of the fields it erases. */
export const ANONYMISED_FIELDS: Partial<VisitorFields> = emptyFieldsWhere((spec) => spec.erasedOnAnonymisation);

/** The identifying fields that hold something: what consent to data processing would be needed for. */
export function identifyingFieldsHeld(fields: Partial<VisitorFields>): VisitorFieldName[] {
  return IDENTIFYING_FIELDS.filter((name) => {
    const value = fields[name];
    return value !== undefined && value !== '' && JSON.stringify(value) !== JSON.stringify(VISITOR_FIELDS[name].empty);
  });
}
