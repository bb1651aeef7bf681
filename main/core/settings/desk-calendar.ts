import type { Db } from '../db/database';
import { AppError } from '../errors';
import { calendarDateIn } from '../../../shared/domain/calendar';
import { readSettings } from './service';

/**
 * A visit or a referral is recorded once it has happened: dated at the latest today,
 * on the desk's calendar (its time zone), by the desk's clock.
 */
export function refuseFutureDate(db: Db, now: Date, field: 'visitDate' | 'referredOn', date: string): void {
  if (date > calendarDateIn(readSettings(db).timeZone, now)) {
    throw new AppError('call.invalidInput', { fields: { [field]: `${field}.future` as const } });
  }
}
