import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackupContents, unlockBackup, verifyBackup, type BackupSecret } from '../../main/core/backups/backup';
import type { CreatedBackup } from '../../main/core/backups/backup';
import { extractPayload, readBackupHeader, writeBackupFile } from '../../main/core/backups/file';
import { BACKUP_MAGIC, buildHeader, PREFIX_SIZE, SEALED_CHUNK_SIZE, type BackupManifest, type ParsedHeader } from '../../main/core/backups/format';
import { wipe } from '../../main/core/vault/crypto';
import { canonicalJson } from '../../main/core/vault/vault-file';
import { codeOf, workFoldersIn } from '../support/backup-checks';
import { backUp, backupDesk, fakeDrive, type BackupDesk } from '../support/backups';
import { ADMIN, loginAs, openTestDesk, tempDataDir, TestClock } from '../support/desk';

const MAC_SIZE = 32;
const CHECKSUM_SIZE = 32;

let t: BackupDesk;
let made: CreatedBackup;
let other: CreatedBackup;
let original: Buffer;
let parsed: ParsedHeader;
let chunks: { start: number; length: number }[];
let key: { fileKey: Buffer; slotId: string; privateKey: Buffer };
let scratch: string;
let recovery: BackupSecret;
let deskFiles: Record<string, string>;
const cases = new Map<string, number>();

function counted(kind: string): void {
  cases.set(kind, (cases.get(kind) ?? 0) + 1);
}

function hashesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  );
}

function asFile(bytes: Buffer, name = 'case.guichet-backup'): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

/** The payload checked with the file key already unwrapped (no Argon2id per case): what `verifyBackup` does after unlocking. */
async function checkedWithKey(path: string): Promise<string> {
  return codeOf(
    (async () => {
      const header = await readBackupHeader(path);
      const checked = await checkBackupContents({ path, parsed: header, fileKey: key.fileKey, privateKey: { slotId: key.slotId, key: key.privateKey }, dataDir: t.dir });
      wipe(checked.dataKey);
    })(),
  );
}

/** A mutated file, checked; nothing may stay in the data folder whatever the outcome. */
async function outcomeOf(kind: string, bytes: Buffer): Promise<string> {
  const code = await checkedWithKey(asFile(bytes));
  expect(workFoldersIn(t.dir), kind).toEqual([]);
  counted(kind);
  return code;
}

function flipped(bytes: Buffer, offset: number, mask = 0xff): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] ^= mask;
  return copy;
}

function payloadOf(bytes: Buffer, header: ParsedHeader): Buffer {
  return bytes.subarray(header.length);
}

/** A header as someone without the file key would forge it: edited JSON or version, the checksum made right again, the MAC left. */
function forgedHeader(edit: { json?: (header: Record<string, unknown>) => void; version?: number; mac?: Buffer }, payload = payloadOf(original, parsed)): Buffer {
  const jsonLength = original.readUInt32BE(10);
  const json = JSON.parse(original.subarray(PREFIX_SIZE, PREFIX_SIZE + jsonLength).toString('utf8')) as Record<string, unknown>;
  edit.json?.(json);
  const text = Buffer.from(canonicalJson(json), 'utf8');
  const prefix = Buffer.alloc(PREFIX_SIZE);
  BACKUP_MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(edit.version ?? 1, 8);
  prefix.writeUInt32BE(text.length, 10);
  const withMac = Buffer.concat([prefix, text, edit.mac ?? parsed.mac]);
  return Buffer.concat([withMac, createHash('sha256').update(withMac).digest(), payload]);
}

function manifestOf(json: Record<string, unknown>): BackupManifest {
  return json.manifest as BackupManifest;
}

beforeAll(async () => {
  t = await backupDesk();
  await loginAs(t, t.staff.admin);
  made = await backUp(t, fakeDrive());
  t.clock.advance(60_000);
  other = await backUp(t, fakeDrive());
  t.desk.lock('button');
  recovery = { kind: 'recovery', recoveryKey: t.recoveryKey };
  original = readFileSync(made.path);
  parsed = await readBackupHeader(made.path);
  const plainBytes = parsed.header.manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  chunks = [];
  for (let start = parsed.length; start < original.length; start += SEALED_CHUNK_SIZE) chunks.push({ start, length: Math.min(SEALED_CHUNK_SIZE, original.length - start) });
  expect(chunks.length).toBe(Math.ceil(plainBytes / (SEALED_CHUNK_SIZE - 16)));
  key = await unlockBackup(parsed, recovery);
  scratch = tempDataDir('guichet-tamper-');
  deskFiles = hashesOf(t.dir);
}, 120_000);

afterAll(() => {
  if (key) wipe(key.fileKey, key.privateKey);
  t?.close();
  const total = [...cases.values()].reduce((sum, n) => sum + n, 0);
  console.log(`backup tamper cases: ${total} (${[...cases].map(([kind, n]) => `${kind} ${n}`).join(', ')})`);
});

describe('a tampered or damaged backup', () => {
  it('is refused before any secret for every byte of its header flipped, one at a time, all bits or the lowest', async () => {
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const path = asFile(original, 'header-flips.guichet-backup');
    const fd = openSync(path, 'r+');
    const seen: Record<string, Set<string>> = { magic: new Set(), version: new Set(), length: new Set(), json: new Set(), mac: new Set(), checksum: new Set() };
    try {
      for (let offset = 0; offset < parsed.length; offset++) {
        for (const mask of [0xff, 0x01]) {
          const byte = original[offset] ^ mask;
          writeSync(fd, Buffer.of(byte), 0, 1, offset);
          const code = await codeOf(readBackupHeader(path));
          writeSync(fd, original.subarray(offset, offset + 1), 0, 1, offset);
          const region =
            offset < 8 ? 'magic' : offset < 10 ? 'version' : offset < PREFIX_SIZE ? 'length' : offset < parsed.length - MAC_SIZE - CHECKSUM_SIZE ? 'json' : offset < parsed.length - CHECKSUM_SIZE ? 'mac' : 'checksum';
          const version = offset === 8 ? (byte << 8) | original[9] : offset === 9 ? (original[8] << 8) | byte : 1;
          const expected = region === 'magic' ? 'backup.notABackup' : region === 'version' ? (version > 1 ? 'backup.newerFormat' : 'backup.damaged') : 'backup.damaged';
          expect(code, `offset ${offset} mask ${mask}`).toBe(expected);
          seen[region].add(code);
          counted('header byte flipped');
        }
      }
    } finally {
      closeSync(fd);
    }
    expect(Object.fromEntries(Object.entries(seen).map(([region, codes]) => [region, [...codes].sort()]))).toEqual({
      magic: ['backup.notABackup'],
      version: ['backup.damaged', 'backup.newerFormat'],
      length: ['backup.damaged'],
      json: ['backup.damaged'],
      mac: ['backup.damaged'],
      checksum: ['backup.damaged'],
    });
    // The full check with the right secret answers the same, before any key is derived.
    for (const offset of [0, 9, 11, PREFIX_SIZE + 40, parsed.length - 40, parsed.length - 1]) {
      const code = await codeOf(verifyBackup({ path: asFile(flipped(original, offset)), secret: recovery, dataDir: t.dir }));
      expect(code, `offset ${offset}`).toBe(offset < 8 ? 'backup.notABackup' : offset === 9 ? 'backup.newerFormat' : 'backup.damaged');
      counted('header byte flipped, full check');
    }
    expect(workFoldersIn(t.dir)).toEqual([]);
  }, 120_000);

  it('is refused as damaged for a byte flipped at the start, middle and tag of every chunk', async () => {
    for (const [index, chunk] of chunks.entries()) {
      for (const offset of [chunk.start, chunk.start + Math.floor(chunk.length / 2), chunk.start + chunk.length - 1]) {
        expect(await outcomeOf('chunk byte flipped', flipped(original, offset)), `chunk ${index} offset ${offset}`).toBe('backup.damaged');
      }
    }
    const middle = chunks[1].start + 1000;
    expect(await codeOf(verifyBackup({ path: asFile(flipped(original, middle, 0x01)), secret: recovery, dataDir: t.dir }))).toBe('backup.damaged');
    counted('chunk byte flipped, full check');
  }, 120_000);

  it('is refused when truncated at every chunk boundary, inside every chunk and inside the header', async () => {
    for (const chunk of chunks) {
      for (const end of [chunk.start, chunk.start + 1, chunk.start + Math.floor(chunk.length / 2), chunk.start + chunk.length - 1]) {
        expect(await outcomeOf('truncated in the payload', original.subarray(0, end)), `at ${end}`).toBe('backup.damaged');
      }
    }
    const jsonEnd = parsed.length - MAC_SIZE - CHECKSUM_SIZE;
    for (const end of [0, 1, 7, 8, 10, 13, PREFIX_SIZE, PREFIX_SIZE + 1, Math.floor(jsonEnd / 2), jsonEnd, jsonEnd + 1, parsed.length - CHECKSUM_SIZE, parsed.length - 1]) {
      // Fewer bytes than the magic cannot be told from any other file.
      expect(await outcomeOf('truncated in the header', original.subarray(0, end)), `at ${end}`).toBe(end < 8 ? 'backup.notABackup' : 'backup.damaged');
    }
    expect(await codeOf(verifyBackup({ path: asFile(original.subarray(0, chunks[1].start)), secret: recovery, dataDir: t.dir }))).toBe('backup.damaged');
    counted('truncated, full check');
  }, 120_000);

  it('is refused when chunks are swapped, duplicated or removed, or bytes appended', async () => {
    const header = original.subarray(0, parsed.length);
    const sealed = chunks.map((c) => original.subarray(c.start, c.start + c.length));
    const last = sealed.length - 1;
    const rearranged = {
      'first two chunks swapped': [sealed[1], sealed[0], ...sealed.slice(2)],
      'two chunks before the last swapped': [...sealed.slice(0, last - 2), sealed[last - 1], sealed[last - 2], sealed[last]],
      'a chunk duplicated after itself': [sealed[0], ...sealed],
      'a chunk written over the next (same size)': [sealed[0], sealed[0], ...sealed.slice(2)],
      'the last chunk duplicated': [...sealed, sealed[last]],
      'a chunk removed': [sealed[0], ...sealed.slice(2)],
      'the last chunk removed': sealed.slice(0, last),
      'the last chunk moved first': [sealed[last], ...sealed.slice(0, last)],
      '1 byte appended': [...sealed, Buffer.of(0)],
      '16 bytes appended': [...sealed, Buffer.alloc(16, 0xa5)],
      'a whole sealed chunk appended': [...sealed, sealed[0]],
    };
    for (const [kind, parts] of Object.entries(rearranged)) {
      expect(await outcomeOf(kind, Buffer.concat([header, ...parts])), kind).toBe('backup.damaged');
    }
    expect(await codeOf(verifyBackup({ path: asFile(Buffer.concat([header, sealed[1], sealed[0], ...sealed.slice(2)])), secret: recovery, dataDir: t.dir }))).toBe('backup.damaged');
    counted('rearranged, full check');
  }, 120_000);

  it('is refused as damaged with the header of another backup of the same desk on its payload', async () => {
    const second = readFileSync(other.path);
    const secondHeader = await readBackupHeader(other.path);
    expect(secondHeader.header.manifest.deskId).toBe(parsed.header.manifest.deskId);
    const mixed = Buffer.concat([original.subarray(0, parsed.length), payloadOf(second, secondHeader)]);
    expect(await outcomeOf('header on another payload', mixed)).toBe('backup.damaged');
    const reversed = Buffer.concat([second.subarray(0, secondHeader.length), payloadOf(original, parsed)]);
    for (const secret of [recovery, { kind: 'password' as const, login: ADMIN.login, password: ADMIN.password }]) {
      expect(await codeOf(verifyBackup({ path: asFile(reversed), secret, dataDir: t.dir }))).toBe('backup.damaged');
      counted('header on another payload, full check');
    }
    expect(workFoldersIn(t.dir)).toEqual([]);
  }, 120_000);

  it('is refused as tampered once unlocked when its header was edited and the checksum recomputed', async () => {
    const admin: BackupSecret = { kind: 'password', login: ADMIN.login, password: ADMIN.password };
    const edits: Record<string, Parameters<typeof forgedHeader>[0]> = {
      'a count raised': { json: (h) => void (manifestOf(h).counts.visitors += 1) },
      'the date moved': { json: (h) => void (manifestOf(h).createdAt = '2020-01-01T00:00:00.000Z') },
      'the app version changed': { json: (h) => void (manifestOf(h).appVersion = 'other') },
      'the payload salt changed': { json: (h) => void ((h.payload as { salt: string }).salt = Buffer.alloc(16, 7).toString('base64')) },
      'the MAC flipped': { mac: flipped(parsed.mac, 3) },
      'the administrator slot removed': { json: (h) => void ((h.keys as { slots: { slot: { kind: string } }[] }).slots = (h.keys as { slots: { slot: { kind: string } }[] }).slots.filter((s) => s.slot.kind === 'recovery')) },
    };
    for (const [kind, edit] of Object.entries(edits)) {
      const forged = forgedHeader(edit);
      const path = asFile(forged);
      expect(await codeOf(readBackupHeader(path)), kind).toBe('ok');
      expect(await codeOf(verifyBackup({ path, secret: recovery, dataDir: t.dir })), kind).toBe('backup.tampered');
      counted('header forged with its checksum');
      // The administrator's password: tampered too, unless the edit removed her slot.
      expect(await codeOf(unlockBackup(await readBackupHeader(path), admin)), kind).toBe(kind === 'the administrator slot removed' ? 'backup.wrongPassword' : 'backup.tampered');
      counted('header forged with its checksum');
    }
    // The slots' private keys are bound to the desk's id: edited, no slot opens, and
    // nothing tells that from a wrong secret. Refused either way, before any chunk is read.
    const movedDesk = asFile(forgedHeader({ json: (h) => void ((h.keys as { vaultId: string }).vaultId = '00000000-0000-4000-8000-000000000000') }));
    expect(await codeOf(verifyBackup({ path: movedDesk, secret: recovery, dataDir: t.dir }))).toBe('backup.wrongRecoveryKey');
    expect(await codeOf(verifyBackup({ path: movedDesk, secret: admin, dataDir: t.dir }))).toBe('backup.wrongPassword');
    counted('header forged with its checksum');
    // The file key sealed to the recovery slot replaced by the one of another backup: the slot opens, its box does not.
    const otherHeader = await readBackupHeader(other.path);
    const otherRecovery = otherHeader.header.keys.slots.find((s) => s.slot.kind === 'recovery');
    const swappedBox = forgedHeader({
      json: (h) => {
        for (const entry of (h.keys as { slots: { slot: { kind: string }; fileKeyBox: unknown }[] }).slots) if (entry.slot.kind === 'recovery') entry.fileKeyBox = otherRecovery?.fileKeyBox;
      },
    });
    expect(await codeOf(verifyBackup({ path: asFile(swappedBox), secret: recovery, dataDir: t.dir }))).toBe('backup.tampered');
    counted('header forged with its checksum');
    expect(workFoldersIn(t.dir)).toEqual([]);
  }, 120_000);

  it('is refused for a newer format version, with its checksum recomputed, before any secret is tried', async () => {
    for (const version of [2, 300, 0xffff]) {
      const path = asFile(forgedHeader({ version }));
      expect(await codeOf(readBackupHeader(path))).toBe('backup.newerFormat');
      // Not even a wrong password is looked at.
      expect(await codeOf(verifyBackup({ path, secret: { kind: 'password', login: 'nobody', password: 'nothing' }, dataDir: t.dir }))).toBe('backup.newerFormat');
      counted('newer format');
    }
    expect(await codeOf(readBackupHeader(asFile(forgedHeader({ version: 0 }))))).toBe('backup.damaged');
    counted('newer format');
  });

  it('is refused by the contents check when a manifest made with the real file key disagrees with the payload', async () => {
    // Someone holding the file key (unwrapped here with the recovery key) writes a new
    // header over the very payload: the MAC is right, the contents are not as announced.
    const payload = join(scratch, 'payload');
    await extractPayload({ path: made.path, parsed, fileKey: key.fileKey, outDir: payload });
    const manifest = parsed.header.manifest;
    const lies: Record<string, { manifest: BackupManifest; code: string }> = {
      'one visitor more': { manifest: { ...manifest, counts: { ...manifest.counts, visitors: manifest.counts.visitors + 1 } }, code: 'backup.contentsInvalid' },
      'one note fewer': { manifest: { ...manifest, counts: { ...manifest.counts, notes: manifest.counts.notes - 1 } }, code: 'backup.contentsInvalid' },
      'another audit count': { manifest: { ...manifest, counts: { ...manifest.counts, auditEntries: 0 } }, code: 'backup.contentsInvalid' },
      'another newest record': { manifest: { ...manifest, newestRecordAt: '2020-01-01T00:00:00.000Z' }, code: 'backup.contentsInvalid' },
      'another desk': { manifest: { ...manifest, deskId: '00000000-0000-4000-8000-000000000000' }, code: 'backup.contentsInvalid' },
      'another schema': { manifest: { ...manifest, schemaVersion: manifest.schemaVersion - 1 }, code: 'backup.contentsInvalid' },
      'a newer schema': { manifest: { ...manifest, schemaVersion: manifest.schemaVersion + 1 }, code: 'backup.fromNewerSchema' },
      'the files cut elsewhere': {
        manifest: { ...manifest, files: [{ name: 'vault.json', bytes: manifest.files[0].bytes + 1 }, { name: 'guichet.db', bytes: manifest.files[1].bytes - 1 }] },
        code: 'backup.contentsInvalid',
      },
    };
    const slots = parsed.header.keys.slots.map((s) => s.slot);
    for (const [kind, lie] of Object.entries(lies)) {
      const built = buildHeader(lie.manifest, { vaultId: parsed.header.keys.vaultId, tagSalt: parsed.header.keys.tagSalt, slots }, key.fileKey);
      const dir = join(scratch, `lie-${cases.get('manifest disagrees') ?? 0}`);
      const written = await writeBackupFile({
        dir,
        name: 'lie.guichet-backup',
        header: built.bytes,
        fileKey: key.fileKey,
        salt: built.header.payload.salt,
        parts: [join(payload, 'vault.json'), join(payload, 'guichet.db')],
        plainBytes: manifest.files[0].bytes + manifest.files[1].bytes,
      });
      expect(await codeOf(verifyBackup({ path: written.path, secret: recovery, dataDir: t.dir })), kind).toBe(lie.code);
      expect(workFoldersIn(t.dir), kind).toEqual([]);
      counted('manifest disagrees');
    }
    // The same steps with the true manifest give a backup that verifies: the lies alone are refused.
    const honest = buildHeader(manifest, { vaultId: parsed.header.keys.vaultId, tagSalt: parsed.header.keys.tagSalt, slots }, key.fileKey);
    const rewritten = await writeBackupFile({
      dir: join(scratch, 'honest'),
      name: 'honest.guichet-backup',
      header: honest.bytes,
      fileKey: key.fileKey,
      salt: honest.header.payload.salt,
      parts: [join(payload, 'vault.json'), join(payload, 'guichet.db')],
      plainBytes: manifest.files[0].bytes + manifest.files[1].bytes,
    });
    expect(await codeOf(verifyBackup({ path: rewritten.path, secret: recovery, dataDir: t.dir }))).toBe('ok');
  }, 120_000);

  it('opens with no other secret: another desk’s recovery key, a mistyped one, a wrong password, a colleague’s right one', async () => {
    const elsewhere = openTestDesk(tempDataDir(), new TestClock());
    const otherDesk = await elsewhere.ok('setup.create', { ...ADMIN, language: 'fr' });
    elsewhere.close();
    const secrets: [string, BackupSecret, string][] = [
      ['another desk’s recovery key', { kind: 'recovery', recoveryKey: otherDesk.recoveryKey }, 'backup.wrongRecoveryKey'],
      ['a recovery key with one character changed', { kind: 'recovery', recoveryKey: t.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, 'recovery.malformed'],
      ['a recovery key cut short', { kind: 'recovery', recoveryKey: t.recoveryKey.slice(0, -5) }, 'recovery.malformed'],
      ['an empty recovery key', { kind: 'recovery', recoveryKey: '' }, 'recovery.malformed'],
      ['the administrator with a wrong password', { kind: 'password', login: ADMIN.login, password: 'the desk opens at ten' }, 'backup.wrongPassword'],
      ['an unknown login', { kind: 'password', login: 'khadija', password: ADMIN.password }, 'backup.wrongPassword'],
      ['the desk worker with her own password', { kind: 'password', login: t.staff.desk.login, password: t.staff.desk.password }, 'backup.wrongPassword'],
      ['a psychologist with her own password', { kind: 'password', login: t.salma.login, password: t.salma.password }, 'backup.wrongPassword'],
      ['another psychologist with her own password', { kind: 'password', login: t.nadia.login, password: t.nadia.password }, 'backup.wrongPassword'],
      ['the administrator’s password under a colleague’s login', { kind: 'password', login: t.salma.login, password: ADMIN.password }, 'backup.wrongPassword'],
    ];
    for (const [kind, secret, code] of secrets) {
      expect(await codeOf(verifyBackup({ path: made.path, secret, dataDir: t.dir })), kind).toBe(code);
      counted('wrong secret');
    }
    expect(workFoldersIn(t.dir)).toEqual([]);
  }, 120_000);

  it('left the desk’s data folder as it was and the backup itself untouched', async () => {
    expect(hashesOf(t.dir)).toEqual(deskFiles);
    expect(workFoldersIn(t.dir)).toEqual([]);
    expect(readFileSync(made.path).equals(original)).toBe(true);
    expect(await codeOf(verifyBackup({ path: made.path, secret: recovery, dataDir: t.dir }))).toBe('ok');
  });
});
