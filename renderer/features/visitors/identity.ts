import { EMPTY_IDENTIFYING_FIELDS, IDENTIFYING_FIELDS } from '../../../shared/domain/visitor-fields';
import type { VisitorFieldsInput } from '../../../shared/domain/visitors';

/** The identity part of a form: `fields`, as `visitors.register` and `visitors.update` take it. */
export interface IdentityForm {
  fields: VisitorFieldsInput;
}

/** A new visitor's identity, every field at its empty value (sex is still to be chosen). */
export const EMPTY_FIELDS: Omit<VisitorFieldsInput, 'sex'> & { sex: VisitorFieldsInput['sex'] | undefined } = {
  firstName: null,
  lastName: null,
  alias: null,
  sex: undefined,
  birthYear: null,
  birthYearEstimated: false,
  nationality: null,
  languages: [],
  interpreterNeeded: false,
  interpreterLanguage: null,
  phone: null,
  familySituation: null,
  childrenCount: 0,
  housing: null,
  arrivalMonth: null,
};

/** What consent to data processing covers, each at its empty value: cleared when it is not given. */
export const WITHOUT_IDENTIFYING = IDENTIFYING_FIELDS.map((field) => [`fields.${field}`, EMPTY_IDENTIFYING_FIELDS[field]] as const);
