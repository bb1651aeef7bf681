/**
 * Run as a child process by the crash test: opens the desk, logs in, and changes the
 * administrator's password back and forth until it is killed. Prints each password
 * it is about to set, so the parent knows which two could be in force.
 */
import { openChildDesk } from './child-desk';

const [dataDir, login, first, second] = process.argv.slice(2);
const { ok } = openChildDesk(dataDir);
await ok('auth.login', { login, password: first });
let current = first;
for (;;) {
  const next = current === first ? second : first;
  process.stdout.write(`changing\n`);
  await ok('account.changePassword', { currentPassword: current, newPassword: next });
  current = next;
  process.stdout.write(`changed\n`);
}
