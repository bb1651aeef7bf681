import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/database';
import { verifyAudit } from '../../main/core/audit/service';
import { deskWithStaff, loginAs } from '../support/desk';

/** What an attacker holding the data key could do: drop the append-only triggers first. */
function unguard(db: Db): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
}

async function auditedDesk() {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.admin);
  for (const minutes of [6, 7, 8]) await t.ok('settings.update', { idleLockMinutes: minutes });
  return t;
}

describe('audit chain', () => {
  it('holds on an untouched log, and the application cannot edit or delete an entry', async () => {
    const t = await auditedDesk();
    try {
      const verification = await t.ok('audit.verify', {});
      expect(verification).toMatchObject({ intact: true, firstBrokenId: null });
      expect(verification.entries).toBeGreaterThan(10);
      const { db } = t.desk.requireSession();
      expect(() => db.prepare(`UPDATE audit SET outcome = 'failure' WHERE id = 3`).run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit WHERE id = 3').run()).toThrow(/append-only/);
    } finally {
      t.close();
    }
  });

  it('finds an edited entry', async () => {
    const t = await auditedDesk();
    try {
      const { db } = t.desk.requireSession();
      unguard(db);
      db.prepare(`UPDATE audit SET user_id = NULL WHERE id = 4`).run();
      expect(verifyAudit(db)).toMatchObject({ intact: false, firstBrokenId: 4, problem: 'edited' });
    } finally {
      t.close();
    }
  });

  it('finds a removed entry', async () => {
    const t = await auditedDesk();
    try {
      const { db } = t.desk.requireSession();
      unguard(db);
      db.prepare('DELETE FROM audit WHERE id = 5').run();
      expect(verifyAudit(db)).toMatchObject({ intact: false, firstBrokenId: 6, problem: 'missing' });
    } finally {
      t.close();
    }
  });

  it('finds reordered entries', async () => {
    const t = await auditedDesk();
    try {
      const { db } = t.desk.requireSession();
      unguard(db);
      // swap the contents of entries 5 and 6, keeping their ids
      db.transaction(() => {
        const a = db.prepare('SELECT * FROM audit WHERE id = 5').get() as Record<string, unknown>;
        const b = db.prepare('SELECT * FROM audit WHERE id = 6').get() as Record<string, unknown>;
        const put = db.prepare('UPDATE audit SET at=@at, user_id=@user_id, action=@action, entity=@entity, entity_id=@entity_id, outcome=@outcome, detail=@detail, prev_hash=@prev_hash, hash=@hash WHERE id=@target');
        put.run({ ...b, target: 5 });
        put.run({ ...a, target: 6 });
      })();
      expect(verifyAudit(db)).toMatchObject({ intact: false, firstBrokenId: 5, problem: 'reordered' });
    } finally {
      t.close();
    }
  });

  it('finds the latest entries cut off', async () => {
    const t = await auditedDesk();
    try {
      const { db } = t.desk.requireSession();
      unguard(db);
      const last = (db.prepare('SELECT max(id) AS id FROM audit').get() as { id: number }).id;
      db.prepare('DELETE FROM audit WHERE id >= ?').run(last - 1);
      expect(verifyAudit(db)).toMatchObject({ intact: false, problem: 'truncated' });
    } finally {
      t.close();
    }
  });

  it('lists entries newest first with filters and pages', async () => {
    const t = await auditedDesk();
    try {
      const page = await t.ok('audit.list', { action: 'settings.update', limit: 2 });
      expect(page.entries).toHaveLength(2);
      expect(page.entries[0].id).toBeGreaterThan(page.entries[1].id);
      expect(page.nextBeforeId).toBe(page.entries[1].id);
      const rest = await t.ok('audit.list', { action: 'settings.update', limit: 2, beforeId: page.nextBeforeId ?? undefined });
      expect(rest.entries).toHaveLength(1);
      expect(rest.nextBeforeId).toBeNull();
      const byUser = await t.ok('audit.list', { userId: t.staff.desk.id, limit: 50 });
      expect(byUser.entries.every((e) => e.userId === t.staff.desk.id)).toBe(true);
      expect(byUser.entries.length).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });
});
