/**
 * Run as a child process by the crash test: logs in as an administrator and rotates the
 * data key again and again through the router, until it is killed.
 */
import { openChildDesk } from './child-desk';

const [dataDir, login, password] = process.argv.slice(2);
const { ok } = openChildDesk(dataDir);
await ok('auth.login', { login, password });
for (;;) {
  process.stdout.write('rotating\n');
  await ok('keys.rotate', {});
}
