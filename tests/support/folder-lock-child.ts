/**
 * Run as a child process: takes a data folder's lock when told to, so that tests can
 * start several at the same instant. Commands on stdin, one a line: `acquire`,
 * `release`; each is answered on stdout (`ready` once loaded, then `held`, `refused
 * <code>` or `released`). The child exits when stdin closes.
 */
import { createInterface } from 'node:readline';
import { isAppError } from '../../main/core/errors';
import { FolderLock } from '../../main/core/storage/folder-lock';

const folder = process.argv[2];
let lock: FolderLock | null = null;

createInterface({ input: process.stdin })
  .on('line', (command) => {
    if (command === 'acquire') {
      try {
        lock = FolderLock.acquire(folder);
        process.stdout.write('held\n');
      } catch (error) {
        process.stdout.write(`refused ${isAppError(error) ? error.code : String(error)}\n`);
      }
    } else if (command === 'release') {
      lock?.release();
      lock = null;
      process.stdout.write('released\n');
    }
  })
  .on('close', () => process.exit(0));

process.stdout.write('ready\n');
