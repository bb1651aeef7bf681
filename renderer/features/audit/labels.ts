import type { TFunction } from 'i18next';
import { isProcedureName } from '../../../shared/contract';
import { LANGUAGES } from '../../../shared/domain/accounts';
import { IDENTITY_ERASED_DETAIL, parseRolesChange } from '../../../shared/domain/audit';
import { isErrorCode } from '../../../shared/errors';
import { i18n } from '../../app/i18n';

const LOCK_REASONS = ['button', 'shortcut', 'idle', 'switchUser', 'screenLock', 'suspend', 'shutdown'];

/** The translation at `key` when it is a message (not a branch of keys), else null. */
function message(t: TFunction, key: string): string | null {
  if (!i18n.exists(key)) return null;
  const value: unknown = t(key, { returnObjects: true });
  return typeof value === 'string' ? value : null;
}

export function actionLabel(t: TFunction, action: string): string {
  return message(t, `auditActions.${action}`) ?? t('auditActions.unknown');
}

/** What the entry's detail says, in words: an error, a lock's reason, a refused procedure, a change of roles, an erasure, a slip's language. */
export function detailLabel(t: TFunction, detail: string | null): string | null {
  if (!detail) return null;
  const roles = parseRolesChange(detail);
  if (roles) {
    const list = (held: readonly string[]) =>
      held.length > 0 ? held.map((role) => t(`roles.${role}`)).join(t('common.listSeparator')) : t('auditDetails.noRole');
    return t('auditDetails.rolesChange', { before: list(roles.before), after: list(roles.after) });
  }
  if (isErrorCode(detail)) return message(t, `auditDetails.${detail}`) ?? message(t, `errors.${detail}`) ?? t(`errors.${detail}`, { count: 0 });
  if (detail === IDENTITY_ERASED_DETAIL) return t('auditDetails.identityErased');
  if (LOCK_REASONS.includes(detail)) return t(`lockReasons.${detail}`);
  if (isProcedureName(detail)) return actionLabel(t, detail);
  if ((LANGUAGES as readonly string[]).includes(detail)) return t('auditDetails.inLanguage', { language: t(`languageNames.${detail}`) });
  return null;
}

export function entityLabel(t: TFunction, entity: string | null): string | null {
  if (!entity) return null;
  return message(t, `auditEntities.${entity}`) ?? t('auditEntities.other');
}
