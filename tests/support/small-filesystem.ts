import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small filesystem (tmpfs) for full-disk tests, or null where the test may not
 * mount one (not root, no mount namespace): the kernel then answers ENOSPC for real.
 */
export function mountSmallFilesystem(megabytes: number): { dir: string; unmount(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-small-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const canMountSmallFilesystem = (() => {
  const probe = mountSmallFilesystem(1);
  probe?.unmount();
  return probe !== null;
})();
