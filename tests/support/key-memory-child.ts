/**
 * Run as a child process by the memory test: unlocks the desk, uses the data key the
 * way a working session does (reads, a password change, a one-time password, a rotation
 * of the data key), locks, and waits to be looked at. Prints `locked` once the keys should be gone.
 */
import { openChildDesk } from './child-desk';

const [dataDir, login, password, other] = process.argv.slice(2);
const { desk, ok } = openChildDesk(dataDir);
await ok('auth.login', { login, password });
await ok('users.list', {});
await ok('users.resetPassword', { id: Number(other) });
await ok('account.changePassword', { currentPassword: password, newPassword: `${password} again` });
await ok('account.changePassword', { currentPassword: `${password} again`, newPassword: password });
await ok('keys.rotate', {});
await ok('auth.lock', { reason: 'button' });
await ok('auth.login', { login, password });
await desk.lock('idle');
// Let whatever was freed be collected, as it would be in a long-running app.
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
