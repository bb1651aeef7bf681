import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VAULT_FILE } from '../../main/core/desk';
import { VaultStore } from '../../main/core/vault/vault';
import { startTsChild } from '../support/child-process';
import { ADMIN, deskWithStaff, loginAs } from '../support/desk';
import { authorWrapKeyOf, draftKeyOf, pinKeyOf, readerPrivateKeyOf, unwrapForAuthor } from '../../main/core/notes/keys';
import { rawOpen } from '../support/notes';

/** Every place in a process's readable, writable memory where `needle` lies. */
function findInMemory(pid: number, needles: Buffer[]): { needle: number; address: string }[] {
  const found: { needle: number; address: string }[] = [];
  const maps = readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n');
  const mem = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const line of maps) {
      const [range, perms, , , , path = ''] = line.split(/\s+/);
      if (!perms.startsWith('rw') || path.startsWith('[vvar') || path.startsWith('[vsyscall')) continue;
      const [start, end] = range.split('-').map((h) => BigInt(`0x${h}`));
      const chunk = Buffer.alloc(1 << 20);
      for (let at = start; at < end; at += BigInt(chunk.length)) {
        const length = Number(end - at < BigInt(chunk.length) ? end - at : BigInt(chunk.length));
        let read = 0;
        try {
          read = readSync(mem, chunk, 0, length, at);
        } catch {
          break;
        }
        const view = chunk.subarray(0, read);
        needles.forEach((needle, index) => {
          for (let i = view.indexOf(needle); i >= 0; i = view.indexOf(needle, i + 1)) found.push({ needle: index, address: (at + BigInt(i)).toString(16) });
        });
      }
    }
  } finally {
    closeSync(mem);
  }
  return found;
}

describe('keys in memory', () => {
  it.runIf(process.platform === 'linux')('after a lock, no copy of the data key is left in the process, raw or in hex', async () => {
    const t = await deskWithStaff();
    t.close();
    const vault = new VaultStore(join(t.dir, VAULT_FILE));
    const keyNow = async () => {
      const unlocked = await vault.unlockWithPassword(ADMIN.login, ADMIN.password);
      if (!unlocked) throw new Error('the test could not unlock the vault');
      return unlocked.dataKey;
    };
    const forms = (key: Buffer) => {
      const hex = key.toString('hex');
      return [key, Buffer.from(hex, 'latin1'), Buffer.from(hex.toUpperCase(), 'latin1'), Buffer.from(hex, 'utf16le')];
    };
    const before = await keyNow();

    const script = join(import.meta.dirname, '../support/key-memory-child.ts');
    const child = startTsChild(script, [t.dir, ADMIN.login, ADMIN.password, String(t.staff.desk.id)], t.clock, { nodeArgs: ['--expose-gc'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
        child.on('exit', (code) => reject(new Error(`the child ended with ${code}`)));
      });
      // The key before the child's rotation, and the one after it.
      const after = await keyNow();
      expect(after.equals(before)).toBe(false);
      const found = findInMemory(child.pid ?? 0, [...forms(before), ...forms(after)]);
      expect(found).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it.runIf(process.platform === 'linux')('after writing and reading a note and a draft, then a lock, no copy of her secret, its sub-keys or the note’s key is left', async () => {
    const t = await deskWithStaff();
    await loginAs(t, t.staff.desk);
    const consents = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };
    const visitor = await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 1994 }, consents });
    t.close();
    const salma = t.staff.psychologist;
    const script = join(import.meta.dirname, '../support/key-memory-notes-child.ts');
    const child = startTsChild(script, [t.dir, salma.login, salma.password, String(visitor.id)], t.clock, { nodeArgs: ['--expose-gc'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
        child.on('exit', (code) => reject(new Error(`the child ended with ${code}`)));
      });
      const unlocked = await new VaultStore(join(t.dir, VAULT_FILE)).unlockWithPassword(salma.login, salma.password);
      if (!unlocked?.userSecret) throw new Error('the test could not open her slot');
      const secret = unlocked.userSecret;
      const db = rawOpen(t.dir, unlocked.dataKey);
      const row = db
        .prepare('SELECT n.id, n.visitor_id, n.author_id, n.appointment_id, k.wrapped FROM session_notes n JOIN note_keys k ON k.note_id = n.id AND k.reader_id = n.author_id')
        .get() as { id: number; visitor_id: number; author_id: number; appointment_id: number | null; wrapped: string };
      db.close();
      const wrapKey = authorWrapKeyOf(secret);
      const noteKey = unwrapForAuthor(wrapKey, { noteId: row.id, visitorId: row.visitor_id, authorId: row.author_id, appointmentId: row.appointment_id }, row.wrapped);
      const keys = [secret, wrapKey, draftKeyOf(secret), readerPrivateKeyOf(secret), pinKeyOf(secret), noteKey];
      const found = findInMemory(
        child.pid ?? 0,
        keys.flatMap((key) => [key, Buffer.from(key.toString('hex'), 'latin1')]),
      );
      expect(found).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
