import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackup, type CreatedBackup } from '../../main/core/backups/backup';
import { extractPayload, openRealFile, readBackupHeader, writeBackupFile, type BackupProgress, type OpenForWrite } from '../../main/core/backups/file';
import { buildHeader, CHUNK_SIZE, newFileKey, SEALED_CHUNK_SIZE, sealedSize } from '../../main/core/backups/format';
import { wipe } from '../../main/core/vault/crypto';
import { backUpWith, codeOf, filesHoldingDeep, partialsOn, workFoldersIn } from '../support/backup-checks';
import { backUp, backupDesk, CANARY, fakeDrive, type BackupDesk } from '../support/backups';
import { loginAs, tempDataDir } from '../support/desk';
import { canMountSmallFilesystem, mountSmallFilesystem } from '../support/small-filesystem';

let t: BackupDesk;
let reference: CreatedBackup;
let referenceBytes: Buffer;
let headerLength: number;
const cases = new Map<string, number>();

function counted(kind: string): void {
  cases.set(kind, (cases.get(kind) ?? 0) + 1);
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: write`), { code, syscall: 'write' });
}

/** A drive holding an older backup of the desk, as it was made. */
function driveWithOlderBackup(): { drive: string; older: string } {
  const drive = fakeDrive();
  const older = join(drive, reference.path.split('/').pop() ?? 'older');
  copyFileSync(reference.path, older);
  return { drive, older };
}

/**
 * A real file whose writes stop after `limit` bytes: the bytes up to it reach the disk,
 * then `fault` runs (throwing an error coded as the kernel's, or pulling the drive out).
 */
function faultyWrites(limit: number, fault: () => void): { open: OpenForWrite; state: { written: number; fired: boolean; writes: number } } {
  const state = { written: 0, fired: false, writes: 0 };
  const open: OpenForWrite = async (path) => {
    const real = await openRealFile(path);
    return {
      async write(bytes) {
        state.writes++;
        if (state.fired || state.written + bytes.length <= limit) {
          await real.write(bytes);
          state.written += bytes.length;
          return;
        }
        const fits = limit - state.written;
        await real.write(bytes.subarray(0, fits));
        state.written += fits;
        state.fired = true;
        fault();
        await real.write(bytes.subarray(fits));
        state.written += bytes.length - fits;
      },
      sync: () => real.sync(),
      close: () => real.close(),
    };
  };
  return { open, state };
}

/** A backup made one minute after the last, so that each has its own name. */
function nextBackup(drive: string, extra: Parameters<typeof backUpWith>[2] = {}) {
  t.clock.advance(60_000);
  return codeOf(backUpWith(t, drive, extra));
}

/** After a failed backup: no temporary file and nothing new on the drive, the older backup as it was, no work folder, no canary anywhere. */
function expectNothingLeft(kind: string, drive: string, older: string | null): void {
  expect(partialsOn(drive), kind).toEqual([]);
  if (older) {
    expect(readdirSync(drive), kind).toEqual([older.split('/').pop()]);
    expect(readFileSync(older).equals(referenceBytes), kind).toBe(true);
  }
  expect(workFoldersIn(t.dir), kind).toEqual([]);
  expect(filesHoldingDeep(drive, CANARY), kind).toEqual([]);
  expect(filesHoldingDeep(t.dir, CANARY), kind).toEqual([]);
  counted(kind);
}

beforeAll(async () => {
  t = await backupDesk();
  await loginAs(t, t.staff.admin);
  reference = await backUp(t, fakeDrive());
  referenceBytes = readFileSync(reference.path);
  headerLength = (await readBackupHeader(reference.path)).length;
}, 120_000);

afterAll(() => {
  t?.close();
  const total = [...cases.values()].reduce((sum, n) => sum + n, 0);
  console.log(`backup fault cases: ${total} (${[...cases].map(([kind, n]) => `${kind} ${n}`).join(', ')})`);
});

describe('a fault while a backup is written or checked', () => {
  it('a write that fails with ENOSPC after N bytes, anywhere in the file, gives backup.driveFull and leaves only the older backup', async () => {
    const total = referenceBytes.length;
    expect(total).toBeGreaterThan(headerLength + 3 * SEALED_CHUNK_SIZE);
    const limits = {
      'inside the prefix': 10,
      'inside the header': headerLength - 5,
      'right after the header': headerLength,
      'at a chunk boundary': headerLength + SEALED_CHUNK_SIZE,
      'inside a chunk': headerLength + 2 * SEALED_CHUNK_SIZE + 1000,
      'in the middle': Math.floor(total / 2),
      'in the very last write': total - 1,
    };
    // A backup written in full through the same wrapper: as many bytes as the reference, in `writes` writes.
    t.clock.advance(60_000);
    const probe = faultyWrites(Number.MAX_SAFE_INTEGER, () => undefined);
    expect((await backUp(t, fakeDrive(), { openForWrite: probe.open })).bytes).toBe(total);
    for (const [kind, limit] of Object.entries(limits)) {
      const { drive, older } = driveWithOlderBackup();
      const faulty = faultyWrites(limit, () => {
        throw errno('ENOSPC');
      });
      expect(await nextBackup(drive, { openForWrite: faulty.open }), kind).toBe('backup.driveFull');
      expect(faulty.state.fired, kind).toBe(true);
      if (kind === 'in the very last write') expect(faulty.state.writes).toBe(probe.state.writes);
      expectNothingLeft(`ENOSPC ${kind}`, drive, older);
    }
  }, 120_000);

  it('a flush that fails with ENOSPC (space reserved late) or EDQUOT gives backup.driveFull; EIO gives backup.driveGone', async () => {
    for (const [kind, code, expected] of [
      ['flush ENOSPC', 'ENOSPC', 'backup.driveFull'],
      ['flush EDQUOT', 'EDQUOT', 'backup.driveFull'],
      ['flush EIO', 'EIO', 'backup.driveGone'],
    ] as const) {
      const { drive, older } = driveWithOlderBackup();
      const open: OpenForWrite = async (path) => {
        const real = await openRealFile(path);
        return { write: real.write, close: real.close, sync: () => Promise.reject(errno(code)) };
      };
      expect(await nextBackup(drive, { openForWrite: open }), kind).toBe(expected);
      expectNothingLeft(kind, drive, older);
    }
    const { drive, older } = driveWithOlderBackup();
    const failing = faultyWrites(headerLength + SEALED_CHUNK_SIZE + 7, () => {
      throw errno('EIO');
    });
    expect(await nextBackup(drive, { openForWrite: failing.open })).toBe('backup.driveGone');
    expectNothingLeft('write EIO', drive, older);
  }, 120_000);

  it('the drive folder removed during the write gives backup.driveGone and nothing left in the data folder', async () => {
    for (const [kind, at] of [
      ['inside the header', 100],
      ['mid-payload', headerLength + 2 * SEALED_CHUNK_SIZE + 5],
      ['in the very last write', referenceBytes.length - 1],
    ] as const) {
      const { drive } = driveWithOlderBackup();
      const pulled = faultyWrites(at, () => rmSync(drive, { recursive: true, force: true }));
      // The open file outlives its folder on Linux: the writes go on, the rename finds no folder.
      expect(await nextBackup(drive, { openForWrite: pulled.open }), kind).toBe('backup.driveGone');
      expect(pulled.state.fired, kind).toBe(true);
      expect(existsSync(drive), kind).toBe(false);
      expectNothingLeft(`drive removed ${kind}`, drive, null);
    }
  }, 120_000);

  it('a drive unplugged before the backup starts gives backup.driveGone and its folder is not made again on this machine', async () => {
    const drive = fakeDrive();
    rmSync(drive, { recursive: true });
    expect(await nextBackup(join(drive, 'Guichet-backups'))).toBe('backup.driveGone');
    expect(existsSync(drive)).toBe(false);
    expectNothingLeft('drive gone before the backup', drive, null);
    // The backup folder itself is made on a drive that is there.
    const plugged = fakeDrive();
    expect(await nextBackup(join(plugged, 'Guichet-backups'))).toBe('ok');
    expect(readdirSync(join(plugged, 'Guichet-backups'))).toHaveLength(1);
  }, 120_000);

  it('the drive folder removed during the verification gives backup.driveGone, not a backup reported done', async () => {
    for (const at of [1, 3]) {
      const { drive } = driveWithOlderBackup();
      let verifyEvents = 0;
      const onProgress = (p: BackupProgress) => {
        if (p.stage === 'verify' && ++verifyEvents === at) rmSync(drive, { recursive: true, force: true });
      };
      expect(await nextBackup(drive, { onProgress }), `verify event ${at}`).toBe('backup.driveGone');
      expect(verifyEvents).toBeGreaterThanOrEqual(at);
      expect(existsSync(drive)).toBe(false);
      expectNothingLeft(`drive removed during verify ${at}`, drive, null);
    }
  }, 120_000);

  it('a cancel at the snapshot, mid-write, after the rename or during the verification gives backup.cancelled and leaves nothing', async () => {
    const points: Record<string, (p: BackupProgress, seen: number) => boolean> = {
      'before the snapshot': (p) => p.stage === 'snapshot' && p.done === 0,
      'after the snapshot': (p) => p.stage === 'snapshot' && p.done === 1,
      'after the first chunk': (p) => p.stage === 'write',
      'mid-write': (p) => p.stage === 'write' && p.done > p.total / 2,
      'after the rename': (p) => p.stage === 'write' && p.done === p.total,
      'at the first chunk verified': (p) => p.stage === 'verify',
      'mid-verify': (p) => p.stage === 'verify' && p.done > p.total / 2,
    };
    for (const [kind, when] of Object.entries(points)) {
      const { drive, older } = driveWithOlderBackup();
      const controller = new AbortController();
      let stages = '';
      const onProgress = (p: BackupProgress) => {
        stages += p.stage[0];
        if (!controller.signal.aborted && when(p, stages.length)) controller.abort();
      };
      expect(await nextBackup(drive, { onProgress, signal: controller.signal }), kind).toBe('backup.cancelled');
      expect(controller.signal.aborted, kind).toBe(true);
      expectNothingLeft(`cancelled ${kind}`, drive, older);
    }
    const { drive, older } = driveWithOlderBackup();
    const controller = new AbortController();
    controller.abort();
    expect(await nextBackup(drive, { signal: controller.signal })).toBe('backup.cancelled');
    expectNothingLeft('cancelled before it started', drive, older);
  }, 120_000);

  it('the search for the canary finds it where it is, at any depth, in UTF-8 or UTF-16', () => {
    const dir = tempDataDir('guichet-canary-');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'plain'), Buffer.concat([Buffer.alloc(70_000), Buffer.from(CANARY, 'utf16le')]));
    writeFileSync(join(dir, 'clean'), 'nothing here');
    expect(filesHoldingDeep(dir, CANARY)).toEqual([join(dir, 'a', 'b', 'plain')]);
  });

  it('a payload that fills its last chunk exactly is written and read back', async () => {
    // The last chunk then holds a full 64 KiB and the STREAM's last flag; it is never an empty chunk after it.
    const dir = tempDataDir('guichet-exact-');
    const parsed = await readBackupHeader(reference.path);
    for (const plainBytes of [CHUNK_SIZE, 3 * CHUNK_SIZE, 3 * CHUNK_SIZE - 1, 3 * CHUNK_SIZE + 1]) {
      const vault = Buffer.alloc(1000, 0x7b);
      const database = Buffer.alloc(plainBytes - vault.length, 0x42);
      const fileKey = newFileKey();
      const manifest = { ...parsed.header.manifest, files: [{ name: 'vault.json' as const, bytes: vault.length }, { name: 'guichet.db' as const, bytes: database.length }] };
      const built = buildHeader(manifest, { ...parsed.header.keys, slots: parsed.header.keys.slots.map((s) => s.slot) }, fileKey);
      const written = await writeBackupFile({ dir: join(dir, `${plainBytes}`), name: 'exact.guichet-backup', header: built.bytes, fileKey, salt: built.header.payload.salt, parts: [vault, database], plainBytes });
      expect(written.bytes, `${plainBytes}`).toBe(built.bytes.length + sealedSize(plainBytes));
      const out = join(dir, `${plainBytes}-out`);
      expect(await codeOf(extractPayload({ path: written.path, parsed: await readBackupHeader(written.path), fileKey, outDir: out })), `${plainBytes}`).toBe('ok');
      expect(readFileSync(join(out, 'guichet.db')).equals(database)).toBe(true);
      wipe(fileKey);
      counted('payload size at a chunk edge');
    }
  });

  it.skipIf(!canMountSmallFilesystem)('a small real filesystem: refused before writing when too small, ENOSPC mid-write when the free space lied, the older backup intact', async () => {
    const disk = mountSmallFilesystem(3);
    if (!disk) throw new Error('no small filesystem');
    try {
      const drive = join(disk.dir, 'KINGSTON');
      mkdirSync(drive);
      t.clock.advance(60_000);
      const older = await backUp(t, drive);
      const olderBytes = readFileSync(older.path);
      // Leave about 150 KB: less than a backup, so the write runs out of room halfway.
      writeFileSync(join(disk.dir, 'room'), Buffer.alloc(150 * 1024));
      fillUp(join(disk.dir, 'filler'));
      rmSync(join(disk.dir, 'room'));

      let opened = 0;
      let writes = 0;
      const counting: OpenForWrite = async (path) => {
        opened += 1;
        const real = await openRealFile(path);
        return { ...real, write: (bytes) => ((writes += 1), real.write(bytes)) };
      };
      expect(await nextBackup(drive, { openForWrite: counting })).toBe('backup.driveFull');
      // Refused by the free-space check: not a file opened on the drive.
      expect(opened).toBe(0);
      expect(readdirSync(drive)).toEqual([older.path.split('/').pop()]);
      counted('small filesystem, free-space check');

      expect(await nextBackup(drive, { freeBytes: async () => 1e12, openForWrite: counting })).toBe('backup.driveFull');
      // The kernel refused partway, not at the first byte.
      expect(opened).toBe(1);
      expect(writes).toBeGreaterThan(1);
      expect(readdirSync(drive)).toEqual([older.path.split('/').pop()]);
      expect(readFileSync(older.path).equals(olderBytes)).toBe(true);
      expect(filesHoldingDeep(drive, CANARY)).toEqual([]);
      expect(workFoldersIn(t.dir)).toEqual([]);
      counted('small filesystem, ENOSPC during the write');
      expect(await codeOf(verifyBackup({ path: older.path, secret: { kind: 'recovery', recoveryKey: t.recoveryKey }, dataDir: t.dir }))).toBe('ok');
    } finally {
      disk.unmount();
    }
  }, 120_000);
});

/** Appends to `file` until the filesystem refuses a byte more. */
function fillUp(file: string): void {
  const page = Buffer.alloc(4096, 1);
  for (;;) {
    try {
      writeFileSync(file, page, { flag: 'a' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw error;
    }
  }
}
