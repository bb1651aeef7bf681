/**
 * Run as a child process by the crash test: logs in as an administrator and rotates the
 * data key again and again through the router, until it is killed.
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
for (;;) {
  process.stdout.write('rotating\n');
  await ok('keys.rotate', {});
}
