import { z } from 'zod';
import { COUNTRY_CODES } from './countries';

export const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;

/** Languages heard at the desk in Nador; labels live in shared/i18n (`spokenLanguages.*`). */
export const SPOKEN_LANGUAGES = [
  'ary', 'ar', 'fr', 'en', 'es', 'zgh', 'bm', 'wo', 'ff', 'ln', 'ha', 'sw', 'pt', 'sus', 'mnk', 'dyu', 'yo', 'ig', 'kr', 'ti', 'am', 'so', 'other',
] as const;

export const FAMILY_SITUATIONS = [
  'single', 'married', 'singleMother', 'singleFather', 'widowed', 'separated', 'unaccompaniedMinor', 'separatedChild', 'other',
] as const;

export const HOUSING_SITUATIONS = ['street', 'informalCamp', 'shelter', 'hosted', 'rented', 'other'] as const;

export const NEEDS = [
  'psychosocial', 'health', 'maternalHealth', 'legal', 'housing', 'foodKit', 'hygieneKit', 'childcare', 'darijaCourse', 'coaching', 'education', 'livelihood',
] as const;

export const URGENCIES = ['low', 'medium', 'high'] as const;

/** The GBVIMS primary types of incident, in the order of its decision tree. */
export const VIOLENCE_TYPES = ['rape', 'sexualAssault', 'physicalAssault', 'forcedMarriage', 'denialOfResources', 'psychologicalAbuse'] as const;

export const VULNERABILITIES = ['pregnancy', 'disability', 'unaccompaniedMinor', 'seriousMedicalCondition', 'noShelter'] as const;

export const CONSENT_KINDS = ['dataProcessing', 'referrals', 'phoneContact', 'reporting'] as const;

export const ORIENTATIONS = ['listeningUnit', 'partnerReferral', 'internalService', 'informationOnly', 'none'] as const;

export const MAX_AGE_YEARS = 110;
export const TEXT_MAX = 2000;
export const NAME_MAX = 80;

/**
 * Text typed at the desk: trimmed, bidirectional controls and zero-width characters
 * removed (they can disguise a name or reorder what a screen shows), NFC.
 */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const optionalName = z
  .string()
  .max(NAME_MAX * 4, { error: 'tooLong' })
  .transform(cleanText)
  .refine((v) => [...v].length <= NAME_MAX, { error: 'tooLong' })
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

/**
 * The fields of a visitor's identity. The birth year is only range-checked here; the
 * service checks it against the desk's own clock (not in the future, at most 110 years ago).
 */
export const visitorFieldsSchema = z.object({
  firstName: optionalName,
  lastName: optionalName,
  alias: optionalName,
  sex: z.enum(SEXES, { error: 'required' }),
  birthYear: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1000, { error: 'invalid' }).max(9999, { error: 'invalid' }).nullable().default(null),
  birthYearEstimated: z.boolean().default(false),
  nationality: z.enum(COUNTRY_CODES, { error: 'invalid' }).nullable().default(null),
  languages: z.array(z.enum(SPOKEN_LANGUAGES, { error: 'invalid' })).max(10, { error: 'tooBig' }).default([]),
  interpreterNeeded: z.boolean().default(false),
  interpreterLanguage: z.enum(SPOKEN_LANGUAGES, { error: 'invalid' }).nullable().default(null),
  phone: z.string().max(40, { error: 'tooLong' }).nullable().default(null),
  familySituation: z.enum(FAMILY_SITUATIONS, { error: 'invalid' }).nullable().default(null),
  childrenCount: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(20, { error: 'tooBig' }).default(0),
  housing: z.enum(HOUSING_SITUATIONS, { error: 'invalid' }).nullable().default(null),
  arrivalMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'invalid' }).nullable().default(null),
});

export type VisitorFields = z.output<typeof visitorFieldsSchema>;
export type VisitorFieldsInput = z.input<typeof visitorFieldsSchema>;

/**
 * The identifying fields: kept only with consent to data processing, erased when it is
 * withdrawn and on anonymisation. Each is left at its empty value (no name, no children).
 */
export const IDENTIFYING_FIELDS = ['firstName', 'lastName', 'alias', 'phone', 'arrivalMonth', 'familySituation', 'childrenCount', 'housing'] as const;
export type IdentifyingField = (typeof IDENTIFYING_FIELDS)[number];
export const EMPTY_IDENTIFYING_FIELDS: { [F in IdentifyingField]: VisitorFields[F] } = {
  firstName: null,
  lastName: null,
  alias: null,
  phone: null,
  arrivalMonth: null,
  familySituation: null,
  childrenCount: 0,
  housing: null,
};

/** The identifying fields that hold something: what consent to data processing would be needed for. */
export function identifyingFieldsHeld(fields: Pick<VisitorFields, IdentifyingField>): IdentifyingField[] {
  return IDENTIFYING_FIELDS.filter((field) => fields[field] !== EMPTY_IDENTIFYING_FIELDS[field] && fields[field] !== '');
}

export type Sex = (typeof SEXES)[number];
export type Need = (typeof NEEDS)[number];
export type ViolenceType = (typeof VIOLENCE_TYPES)[number];
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export type Vulnerability = (typeof VULNERABILITIES)[number];
export type Orientation = (typeof ORIENTATIONS)[number];
