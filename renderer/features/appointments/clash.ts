import type { TFunction } from 'i18next';
import { CLASH_KINDS, type ClashKind } from '../../../shared/domain/listening';
import type { ErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../../app/i18n';

/** What clashed, read from the refusal's params (one name or several, comma-separated). */
export function clashKinds(error: ErrorInfo): ClashKind[] {
  const params = error.params ?? {};
  const named = [params.with, params.kind, params.kinds, params.clash].filter((v) => v !== undefined).join(',');
  return CLASH_KINDS.filter((kind) => named.split(',').map((s) => s.trim()).includes(kind));
}

/**
 * A refusal in plain words; a clash names what is already taken at that time (the
 * psychologist, the visitor, the interpreter, the room), never whose appointment it is.
 */
export function bookingRefusal(t: TFunction, error: ErrorInfo): string {
  if (error.code !== 'appointments.clash') return errorMessage(t, error);
  const kinds = clashKinds(error);
  if (kinds.length === 0) return errorMessage(t, error);
  return t('appointments.clash.message', { what: kinds.map((kind) => t(`appointments.clash.${kind}`)).join(t('common.listSeparator')) });
}
