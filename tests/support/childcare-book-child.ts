/**
 * Run as a child process by the childcare race: opens the desk's SQLCipher database itself
 * (one desk folder admits one app, so the racers share the file, not the folder), waits for
 * "go" on stdin, then books each of its children into the same slot, each booking in its
 * own `BEGIN IMMEDIATE` transaction as the router runs it (offers settled first, as every
 * childcare call does), and prints one line per outcome. The data key comes in the
 * environment, never in the arguments; the clock is the test's (child-clock.ts).
 */
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/database';
import { beginImmediate } from '../../main/core/db/transaction';
import { DATABASE_FILE } from '../../main/core/desk';
import { isAppError } from '../../main/core/errors';
import { bookChild, bookingView, settleOffers } from '../../main/core/childcare/service';
import { readSettings } from '../../main/core/settings/service';

const [dataDir, bookerId, slotId, childIds] = process.argv.slice(2);
const key = Buffer.from(process.env.GUICHET_TEST_DATA_KEY ?? '', 'hex');
const db = openDatabase(join(dataDir, DATABASE_FILE), key, { create: false });
key.fill(0);
const booker = { id: Number(bookerId) };
const zone = readSettings(db).timeZone;

process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
for (const childId of JSON.parse(childIds) as number[]) {
  const transaction = beginImmediate(db);
  try {
    settleOffers(db, new Date());
    const id = bookChild(db, booker, childId, Number(slotId), new Date(), zone);
    const { status, position } = bookingView(db, id, zone);
    transaction.commit();
    process.stdout.write(`${JSON.stringify({ childId, id, status, position })}\n`);
  } catch (error) {
    transaction.rollback();
    process.stdout.write(`${JSON.stringify({ childId, error: isAppError(error) ? error.code : String(error) })}\n`);
  }
}
db.close();
process.stdout.write('finished\n');
