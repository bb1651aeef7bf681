import type { TFunction } from 'i18next';
import type { ActivityKindView } from '../../../shared/domain/activities';

/** A kind's name: the one an administrator gave, or the translated label of the field's four. */
export function activityKindLabel(t: TFunction, kind: Pick<ActivityKindView, 'key' | 'name'>): string {
  return kind.name ?? (kind.key ? t(`activities.kinds.${kind.key}`) : '');
}
