/**
 * Run as a child process by the crash test: logs in and registers visitors through the
 * router, one durable write after another, until it is killed.
 */
import { openChildDesk } from './child-desk';

const [dataDir, login, password] = process.argv.slice(2);
const { ok } = openChildDesk(dataDir);
await ok('auth.login', { login, password });
process.stdout.write('registering\n');
for (let i = 0; ; i++) {
  await ok('visitors.register', {
    fields: { firstName: `Visitor ${i}`, sex: 'female', birthYear: 1990, languages: ['fr'] },
    consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
  });
}
