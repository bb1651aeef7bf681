import type { TFunction } from 'i18next';
import type { SessionKindView } from '../../../shared/domain/listening';

/** A session kind's name: the field's four in the user's language, the others as an administrator named them. */
export function sessionKindLabel(t: TFunction, kind: Pick<SessionKindView, 'key' | 'name'>): string {
  return kind.key ? t(`listening.kinds.${kind.key}`) : (kind.name ?? '');
}
