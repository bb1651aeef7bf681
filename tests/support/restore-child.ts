/**
 * Run as a child process by the restore kill test: holds the desk's folder as the app
 * does, opens a backup with the recovery key, stages it and swaps it in, and kills itself
 * with SIGKILL right after the step named on its command line: a real kill -9 at an
 * exact point, no timing luck.
 */
import { basename } from 'node:path';
import { openForRestore, stageRestore, swapInRestore } from '../../main/core/backups/restore';
import { Desk } from '../../main/core/desk';
import { KDF_FLOOR } from '../../main/core/vault/kdf';

const [dataDir, backupPath, recoveryKey, killAt] = process.argv.slice(2);
const die = (step: string) => {
  if (step === killAt) process.kill(process.pid, 'SIGKILL');
};
Desk.open({ dataDir, kdfCost: KDF_FLOOR });
const opened = await openForRestore({ path: backupPath, secret: { kind: 'recovery', recoveryKey }, dataDir });
die('opened');
stageRestore(opened, { dataDir, now: new Date(), fileName: basename(backupPath), afterStep: die });
swapInRestore(dataDir, die);
process.stdout.write('restored\n');
process.exit(0);
