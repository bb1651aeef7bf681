import type { TFunction } from 'i18next';
import { CLASH_KINDS, type ClashKind } from '../../../shared/domain/listening';
import type { ErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../../app/i18n';

/** What clashed, as main names it (`clashes: 'psychologist,room'`). */
export function clashKinds(error: ErrorInfo): ClashKind[] {
  const named = String(error.params?.clashes ?? '').split(',');
  return CLASH_KINDS.filter((kind) => named.includes(kind));
}

/**
 * A refusal in plain words; a clash names what is already taken at that time (the
 * psychologist, the visitor, the interpreter, the room), never whose appointment it is,
 * and says that nothing was booked.
 */
export function bookingRefusal(t: TFunction, error: ErrorInfo, day: (date: string) => string): string {
  const kinds = clashKinds(error);
  if (error.code !== 'appointments.clash' || kinds.length === 0) return errorMessage(t, error);
  const on = typeof error.params?.day === 'string' ? day(error.params.day) : '';
  return t('appointments.clash.message', { day: on, what: kinds.map((kind) => t(`scheduling.clashKinds.${kind}`)).join(t('common.listSeparator')) });
}
