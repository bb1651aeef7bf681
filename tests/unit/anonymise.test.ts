import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { deskWithStaff, loginAs } from '../support/desk';

const CANARY = 'Qw7anonCanary';
const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

describe('anonymisation', () => {
  it('erases identifying fields for good, keeps the aggregate facts, and cannot be done twice', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id, code } = await t.ok('visitors.register', {
        fields: { firstName: `${CANARY}first`, lastName: 'Konaté', alias: 'Tata', sex: 'female', birthYear: 1993, nationality: 'CI', phone: '0698765432' },
        consents: ALL,
      });
      await t.ok('visitors.update', { id, fields: { firstName: `${CANARY}second`, lastName: 'Konaté', sex: 'female', birthYear: 1993, nationality: 'CI' } });
      await t.ok('intakes.record', { visitorId: id, visitDate: '2026-11-29', needs: ['legal', 'housing'], urgency: 'medium', orientation: 'partnerReferral', deskNotes: `${CANARY} note` });
      await t.ok('drafts.save', { form: `intake:${id}`, data: { deskNotes: `${CANARY} unfinished` } });
      await t.ok('drafts.save', { form: 'registration', data: { firstName: 'someone else' } });
      expect(await t.call('visitors.anonymise', { id })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      t.desk.lock('button');

      await loginAs(t, t.staff.admin);
      const after = await t.ok('visitors.anonymise', { id });
      expect(after).toMatchObject({ code, sex: 'female', nationality: 'CI', anonymised: true, birthYearBand: '1990-1994', initials: null });
      expect(after.fields).toMatchObject({ firstName: null, lastName: null, alias: null, phone: null, birthYear: null });
      const profile = await t.ok('visitors.get', { id });
      expect(profile.intakes[0]).toMatchObject({ needs: ['legal', 'housing'], deskNotes: null });
      expect(profile.changes.every((c) => c.oldValue === null && c.newValue === null)).toBe(true);
      expect((await t.ok('visitors.search', { query: 'konat' })).items).toEqual([]);
      expect((await t.ok('visitors.search', { query: code })).items.map((v) => v.id)).toEqual([id]);
      expect(await t.call('visitors.anonymise', { id })).toMatchObject({ ok: false, error: { code: 'visitors.alreadyAnonymised' } });

      t.desk.lock('button');
      await loginAs(t, t.staff.desk);
      expect((await t.ok('drafts.list', {})).map((d) => d.form)).toEqual(['registration']);
      // Erased for good: not even inside the decrypted database pages.
      const key = Buffer.from(t.desk.requireSession().dataKey);
      t.desk.lock('button');
      // A decrypted copy of the whole file: every page, including free ones.
      const copy = join(t.dir, 'plain-copy.db');
      copyFileSync(join(t.dir, 'guichet.db'), copy);
      const db = new Database(copy);
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${key.toString('hex')}'"`);
      db.pragma('journal_mode=DELETE');
      db.pragma(`rekey=''`);
      db.close();
      const plaintext = readFileSync(copy);
      // the copy really is decrypted: what was not erased reads in clear
      expect(plaintext.subarray(0, 15).toString()).toBe('SQLite format 3');
      expect(plaintext.includes(Buffer.from(code))).toBe(true);
      expect(plaintext.includes(Buffer.from('Konaté'))).toBe(false);
      expect(plaintext.includes(Buffer.from(CANARY))).toBe(false);
      for (const file of readdirSync(t.dir)) expect(readFileSync(join(t.dir, file)).includes(Buffer.from(CANARY)), file).toBe(false);
    } finally {
      t.close();
    }
  });

  it('marks visitors without activity for N months as candidates, and anonymises nothing by itself', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id } = await t.ok('visitors.register', { fields: { firstName: 'Old', sex: 'male', birthYear: 1970 }, consents: ALL });
      t.clock.advance(25 * 30 * 86_400_000);
      await t.ok('visitors.register', { fields: { firstName: 'Recent', sex: 'female', birthYear: 1999 }, consents: ALL });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      expect((await t.ok('visitors.retentionCandidates', {})).map((v) => v.id)).toEqual([id]);
      expect((await t.ok('visitors.get', { id })).visitor.anonymised).toBe(false);
    } finally {
      t.close();
    }
  });
});
