/**
 * Run as a child process by the crash test: logs in and registers visitors through the
 * router, one durable write after another, until it is killed.
 */
import { Desk } from '../../main/core/desk';
import { createDeskRouter } from '../../main/core/handlers';
import { KDF_FLOOR } from '../../main/core/vault/kdf';

const [dataDir, login, password] = process.argv.slice(2);
const desk = Desk.open({ dataDir, kdfCost: KDF_FLOOR });
const router = createDeskRouter();
const ok = async (name: string, input: unknown) => {
  const result = await router.dispatch(desk, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
};
await ok('auth.login', { login, password });
process.stdout.write('registering\n');
for (let i = 0; ; i++) {
  await ok('visitors.register', {
    fields: { firstName: `Visitor ${i}`, sex: 'female', birthYear: 1990, languages: ['fr'] },
    consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
  });
}
