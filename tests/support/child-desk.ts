/** What the child scripts of the kill and memory tests share: a desk on a folder, and calls through the router. */
import { Desk } from '../../main/core/desk';
import { createDeskRouter } from '../../main/core/handlers';
import { KDF_FLOOR } from '../../main/core/vault/kdf';

export function openChildDesk(dataDir: string) {
  const desk = Desk.open({ dataDir, kdfCost: KDF_FLOOR });
  const router = createDeskRouter();
  /** A call that must succeed: the child dies loudly otherwise. */
  const ok = async (name: string, input: unknown): Promise<unknown> => {
    const result = await router.dispatch(desk, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value;
  };
  return { desk, ok };
}
