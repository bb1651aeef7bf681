import { EMPTY_IDENTIFYING_FIELDS, IDENTIFYING_FIELDS, VISITOR_FIELD_NAMES, VISITOR_FIELDS } from '../../../shared/domain/visitor-fields';
import type { VisitorFieldsInput } from '../../../shared/domain/visitors';

/** The identity part of a form: `fields`, as `visitors.register` and `visitors.update` take it. */
export interface IdentityForm {
  fields: VisitorFieldsInput;
}

/** A new visitor's identity, every field at its empty value from the field table (sex is still to be chosen). */
export const EMPTY_FIELDS: Omit<VisitorFieldsInput, 'sex'> & { sex: VisitorFieldsInput['sex'] | undefined } = {
  ...(Object.fromEntries(VISITOR_FIELD_NAMES.map((name) => [name, VISITOR_FIELDS[name].empty])) as unknown as VisitorFieldsInput),
  sex: undefined,
};

/** What consent to data processing covers, each at its empty value: cleared when it is not given. */
export const WITHOUT_IDENTIFYING = IDENTIFYING_FIELDS.map((field) => [`fields.${field}`, EMPTY_IDENTIFYING_FIELDS[field]] as const);
