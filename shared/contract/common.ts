import { z } from 'zod';
import { TEXT_MAX, cleanText } from '../domain/visitors';

/** Pieces several domains' procedures share. */
export const visitorId = z.number({ error: 'required' }).int().positive();
export const isoDate = z.iso.date({ error: 'invalid' });
/** Text typed at the desk, cleaned (see cleanText), of at most `max` characters. */
export const text = (max: number) =>
  z
    .string({ error: 'required' })
    .max(max * 2, { error: 'tooLong' })
    .transform(cleanText)
    .refine((v) => [...v].length <= max, { error: 'tooLong' });
export const freeText = text(TEXT_MAX);

export { DESK_WORK_ROLES as desk, STAFF_ROLES as anyStaff } from '../domain/accounts';

/** A row's id, as the procedures take it. */
export const rowId = z.number({ error: 'required' }).int().positive();
/** Text that must not be empty once cleaned. */
export const requiredText = (max: number) => text(max).refine((v) => v.length > 0, { error: 'required' });
/** A reason a person must give (an override, a move, a cancellation). */
export const requiredReason = requiredText(TEXT_MAX);
