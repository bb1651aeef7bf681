/**
 * Run as a child process by the crash test: opens the desk, logs in, and changes the
 * administrator's password back and forth until it is killed. Prints each password
 * it is about to set, so the parent knows which two could be in force.
 */
import { Desk } from '../../main/core/desk';
import { createDeskRouter } from '../../main/core/handlers';
import { KDF_FLOOR } from '../../main/core/vault/kdf';

const [dataDir, login, first, second] = process.argv.slice(2);
const desk = Desk.open({ dataDir, kdfCost: KDF_FLOOR });
const router = createDeskRouter();
const ok = async (name: string, input: unknown) => {
  const result = await router.dispatch(desk, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
};
await ok('auth.login', { login, password: first });
let current = first;
for (;;) {
  const next = current === first ? second : first;
  process.stdout.write(`changing\n`);
  await ok('account.changePassword', { currentPassword: current, newPassword: next });
  current = next;
  process.stdout.write(`changed\n`);
}
