import type { TFunction } from 'i18next';
import type { ChildView } from '../../../shared/domain/childcare';

/**
 * A child's age as the desk says it, from the completed months main counted on its own
 * today (`ageMonths`): in months under two, in years after.
 */
export function ageLabel(t: TFunction, months: number): string {
  return months < 24 ? t('children.age.months', { count: months }) : t('children.age.years', { count: Math.floor(months / 12) });
}

/** Her first name, or "child 2" by her place among her mother's children when none was given. */
export function childName(t: TFunction, child: Pick<ChildView, 'id' | 'firstName'>, siblings: readonly Pick<ChildView, 'id'>[]): string {
  if (child.firstName) return child.firstName;
  const index = siblings.findIndex((c) => c.id === child.id);
  return t('children.unnamed', { number: index >= 0 ? index + 1 : 1 });
}
