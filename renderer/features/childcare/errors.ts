import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { AGE_UNITS } from '../../../shared/domain/childcare';
import { errorMessage } from '../../app/i18n';

/** Main's refusal in words; an age range's unit (`years`) in the user's language. */
export function childcareError(t: TFunction, error: ErrorInfo): string {
  const unit = error.params?.unit;
  if (typeof unit === 'string' && (AGE_UNITS as readonly string[]).includes(unit)) {
    return errorMessage(t, { ...error, params: { ...error.params, unit: t(`childcare.values.ageUnits.${unit}`) } });
  }
  return errorMessage(t, error);
}
