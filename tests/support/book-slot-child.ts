/**
 * Run as a child process by the booking race: opens the desk's SQLCipher database itself
 * (one desk folder admits one app, so the racers share the file, not the folder), waits
 * for "go" on stdin, then books the same slot for each of its visitors, each booking in
 * its own `BEGIN IMMEDIATE` transaction as the router runs it, and prints one line per
 * outcome. The data key comes in the environment, never in the arguments.
 */
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/database';
import { beginImmediate } from '../../main/core/db/transaction';
import { DATABASE_FILE } from '../../main/core/desk';
import { isAppError } from '../../main/core/errors';
import { bookAppointments } from '../../main/core/appointments/booking';
import { readSettings } from '../../main/core/settings/service';
import { bookingSchema, type BookingInput } from '../../shared/contract/appointments';
import type { Role } from '../../shared/domain/accounts';

const [dataDir, bookerId, roles, booking] = process.argv.slice(2);
const key = Buffer.from(process.env.GUICHET_TEST_DATA_KEY ?? '', 'hex');
const db = openDatabase(join(dataDir, DATABASE_FILE), key, { create: false });
key.fill(0);
const booker = { id: Number(bookerId), roles: roles.split(',') as Role[] };
const { visitorIds, ...slot } = JSON.parse(booking) as Omit<BookingInput, 'visitorId'> & { visitorIds: number[] };
const timeZone = readSettings(db).timeZone;

process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
for (const visitorId of visitorIds) {
  const input = bookingSchema.parse({ ...slot, visitorId });
  const transaction = beginImmediate(db);
  try {
    const { ids } = bookAppointments(db, booker, input, new Date(), timeZone);
    transaction.commit();
    process.stdout.write(`${JSON.stringify({ visitorId, booked: ids[0] })}\n`);
  } catch (error) {
    transaction.rollback();
    process.stdout.write(`${JSON.stringify({ visitorId, error: isAppError(error) ? { code: error.code, params: error.params, fields: error.fields } : String(error) })}\n`);
  }
}
db.close();
process.stdout.write('finished\n');
