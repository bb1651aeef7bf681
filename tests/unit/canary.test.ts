import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskWithStaff, loginAs } from '../support/desk';

const CANARY = 'Zx9canaryQv7';

/** Every file in the data folder, including the WAL and shared-memory files while the database is open. */
function filesIn(dir: string): string[] {
  return readdirSync(dir).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

function findCanary(dir: string): string[] {
  const needles = [
    Buffer.from(CANARY, 'utf8'),
    Buffer.from(CANARY, 'utf16le'),
    Buffer.from(CANARY.toLowerCase(), 'utf8'),
    Buffer.from(CANARY.slice(0, 8), 'utf8'),
  ];
  return filesIn(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

describe('no plaintext on disk', () => {
  it('users and audit entries carrying a canary leave no byte of it in any file of the data folder', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      let oneTimePassword = '';
      for (let i = 0; i < 20; i++) {
        const created = await t.ok('users.create', {
          login: `${CANARY}${i}`,
          displayName: `${CANARY} name ${i}`,
          roles: ['desk'],
          language: 'fr',
        });
        await t.ok('users.update', { id: created.user.id, displayName: `${CANARY} renamed ${i}` });
        if (i === 1) oneTimePassword = created.oneTimePassword;
        if (i % 2 === 0) await t.ok('users.disable', { id: created.user.id });
      }
      // refused and failed calls whose names carry the canary are audited too
      await t.router.dispatch(t.desk, `visitors.${CANARY}`, {});
      await t.call('auth.login', { login: `${CANARY}1`, password: `${CANARY} wrong password` });
      await t.ok('auth.login', { login: `${CANARY}1`, password: oneTimePassword });
      await t.ok('auth.login', { login: t.staff.admin.login, password: t.staff.admin.password });
      const entries = (await t.ok('audit.list', { limit: 500 })).entries;
      expect(entries.some((e) => e.action.includes(CANARY))).toBe(true);
      expect(entries.some((e) => e.userLogin?.startsWith(CANARY))).toBe(true);

      // while open: database, WAL and SHM on disk
      expect(filesIn(t.dir).some((f) => f.endsWith('-wal'))).toBe(true);
      expect(findCanary(t.dir)).toEqual([]);
      // and after locking and checkpointing
      t.desk.lock('button');
      expect(findCanary(t.dir)).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('visitors, intakes, referrals and drafts carrying a canary leave no byte of it on disk', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const consents = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };
      const [partner] = await t.ok('partners.list', {});
      for (let i = 0; i < 30; i++) {
        const { id } = await t.ok('visitors.register', {
          fields: { firstName: `${CANARY}${i}`, lastName: `Diallo${CANARY}`, alias: `${CANARY} alias`, sex: 'female', birthYear: 1990, phone: `06123456${String(i).padStart(2, '0')}` },
          consents,
        });
        await t.ok('intakes.record', { visitorId: id, visitDate: '2026-11-29', needs: ['legal'], urgency: 'low', orientation: 'partnerReferral', deskNotes: `${CANARY} desk note ${i}` });
        const referral = await t.ok('referrals.create', { visitorId: id, partnerId: partner.id, service: 'legal', referredOn: '2026-11-29' });
        await t.ok('referrals.setStatus', { id: referral.id, status: 'refused', reason: `${CANARY} reason` });
      }
      await t.ok('drafts.save', { form: 'registration', data: { firstName: `${CANARY} draft` } });
      expect((await t.ok('visitors.search', { query: CANARY.slice(0, 6) })).items.length).toBeGreaterThan(0);
      expect(findCanary(t.dir)).toEqual([]);
      t.desk.lock('button');
      expect(findCanary(t.dir)).toEqual([]);
    } finally {
      t.close();
    }
  });
});
