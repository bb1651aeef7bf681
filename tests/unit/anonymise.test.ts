import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { deskWithStaff, loginAs, type TestDesk } from '../support/desk';

const CANARY = 'Qw7anonCanary';
const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

/** The size of the database's WAL right now: 0 once an erasure has been checkpointed into the file. */
function walSize(t: TestDesk): number {
  return statSync(join(t.dir, 'guichet.db-wal')).size;
}

/**
 * A decrypted copy of the whole database file, every page, free ones included, as
 * bytes. Locks the desk first, which folds what is left of the WAL into the file.
 */
function decryptedDatabase(t: TestDesk): Buffer {
  const key = Buffer.from(t.desk.requireSession().dataKey);
  t.desk.lock('button');
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
  // the copy really is decrypted
  expect(plaintext.subarray(0, 15).toString()).toBe('SQLite format 3');
  return plaintext;
}

describe('anonymisation', () => {
  it('erases identifying fields for good, keeps the aggregate facts, and cannot be done twice', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id, code } = await t.ok('visitors.register', {
        fields: { firstName: `${CANARY}first`, lastName: 'Konaté', alias: 'Tata', sex: 'female', birthYear: 1993, nationality: 'CI', phone: '0698765432', childrenCount: 2 },
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
      // Checkpointed once the call (its audit entry included) was written: no older page left in the WAL.
      expect(walSize(t)).toBe(0);
      expect(after).toMatchObject({ code, sex: 'female', nationality: 'CI', anonymised: true, birthYearBand: '1990-1994', initials: null });
      expect(after.fields).toMatchObject({ firstName: null, lastName: null, alias: null, phone: null, birthYear: null, childrenCount: 0 });
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
      const plaintext = decryptedDatabase(t);
      // what was not erased reads in clear
      expect(plaintext.includes(Buffer.from(code))).toBe(true);
      expect(plaintext.includes(Buffer.from('Konaté'))).toBe(false);
      expect(plaintext.includes(Buffer.from(CANARY))).toBe(false);
      for (const file of readdirSync(t.dir)) expect(readFileSync(join(t.dir, file)).includes(Buffer.from(CANARY)), file).toBe(false);
    } finally {
      t.close();
    }
  });

  it('refuses every write about an anonymised visitor, her referrals and drafts included, and stores nothing', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id } = await t.ok('visitors.register', { fields: { firstName: 'Awa', sex: 'female', birthYear: 1990, nationality: 'SN' }, consents: ALL });
      const [partner] = await t.ok('partners.list', {});
      const referral = await t.ok('referrals.create', { visitorId: id, partnerId: partner.id, service: 'legal', referredOn: '2026-11-29' });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      await t.ok('visitors.anonymise', { id });
      t.desk.lock('button');
      await loginAs(t, t.staff.desk);
      const before = await t.ok('visitors.get', { id });

      const anonymised = { ok: false, error: { code: 'visitors.anonymised' } };
      expect(await t.call('referrals.setStatus', { id: referral.id, status: 'refused', reason: `${CANARY} refusal` })).toEqual(anonymised);
      expect(await t.call('referrals.setStatus', { id: referral.id, status: 'cancelled' })).toEqual(anonymised);
      expect(await t.call('drafts.save', { form: `intake:${id}`, data: { deskNotes: `${CANARY} draft` } })).toEqual(anonymised);
      // The writes that already refused her stay refused.
      expect(await t.call('visitors.update', { id, fields: { sex: 'female' } })).toEqual(anonymised);
      expect(await t.call('consents.record', { visitorId: id, kind: 'dataProcessing', granted: true })).toEqual(anonymised);
      expect(await t.call('intakes.record', { visitorId: id, visitDate: '2026-11-29', needs: [], urgency: 'low', orientation: 'none' })).toEqual(anonymised);
      expect(await t.call('referrals.create', { visitorId: id, partnerId: partner.id, service: 'legal', referredOn: '2026-11-29' })).toEqual(anonymised);

      expect(await t.ok('visitors.get', { id })).toEqual(before);
      expect(await t.ok('drafts.list', {})).toEqual([]);
      // A form about no one in particular is still kept.
      await t.ok('drafts.save', { form: 'registration', data: { firstName: 'someone else' } });
      expect((await t.ok('drafts.list', {})).map((d) => d.form)).toEqual(['registration']);
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

describe('withdrawing consent to data processing', () => {
  it('erases her identifying data for good, history, notes, reasons, drafts and search entry included, and keeps the record active', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id, code } = await t.ok('visitors.register', {
        fields: {
          firstName: `${CANARY}first`,
          lastName: 'Konaté',
          alias: `${CANARY}alias`,
          sex: 'female',
          birthYear: 1993,
          nationality: 'CI',
          languages: ['fr', 'bm'],
          phone: '0698765432',
          familySituation: 'singleMother',
          childrenCount: 3,
          housing: 'shelter',
          arrivalMonth: '2025-06',
        },
        consents: ALL,
      });
      const registered = await t.ok('visitors.get', { id });
      await t.ok('visitors.update', { id, fields: { ...registered.visitor.fields, firstName: `${CANARY}second`, housing: 'hosted' } });
      await t.ok('intakes.record', { visitorId: id, visitDate: '2026-11-29', needs: ['legal'], urgency: 'medium', orientation: 'partnerReferral', deskNotes: `${CANARY} note` });
      const [partner] = await t.ok('partners.list', {});
      const refused = await t.ok('referrals.create', { visitorId: id, partnerId: partner.id, service: 'legal', referredOn: '2026-11-29' });
      await t.ok('referrals.setStatus', { id: refused.id, status: 'refused', reason: `${CANARY} refusal` });
      // Another consent withdrawn erases nothing.
      await t.ok('consents.record', { visitorId: id, kind: 'referrals', granted: false });
      expect((await t.ok('visitors.get', { id })).visitor.fields.firstName).toBe(`${CANARY}second`);
      t.desk.lock('button');
      await loginAs(t, t.staff.psychologist);
      const overridden = await t.ok('referrals.create', {
        visitorId: id,
        partnerId: partner.id,
        service: 'psychosocial',
        referredOn: '2026-11-29',
        consentOverrideReason: `${CANARY} override`,
      });
      await t.ok('drafts.save', { form: `intake:${id}`, data: { deskNotes: `${CANARY} salma's draft` } });
      t.desk.lock('button');
      await loginAs(t, t.staff.desk);
      await t.ok('drafts.save', { form: `intake:${id}`, data: { deskNotes: `${CANARY} fatima's draft` } });
      await t.ok('drafts.save', { form: 'registration', data: { firstName: 'someone else' } });

      const consents = await t.ok('consents.record', { visitorId: id, kind: 'dataProcessing', granted: false });
      expect(consents.dataProcessing).toMatchObject({ granted: false });
      expect(walSize(t)).toBe(0);

      const profile = await t.ok('visitors.get', { id });
      expect(profile.visitor).toMatchObject({ id, code, sex: 'female', nationality: 'CI', anonymised: false, alias: null, initials: null });
      expect(profile.visitor.fields).toEqual({
        ...registered.visitor.fields,
        firstName: null,
        lastName: null,
        alias: null,
        phone: null,
        familySituation: null,
        childrenCount: 0,
        housing: null,
        arrivalMonth: null,
      });
      expect(profile.visitor.fields).toMatchObject({ birthYear: 1993, languages: ['fr', 'bm'] });
      expect(profile.intakes.map((i) => ({ needs: i.needs, deskNotes: i.deskNotes }))).toEqual([{ needs: ['legal'], deskNotes: null }]);
      expect(profile.changes.map((c) => ({ field: c.field, oldValue: c.oldValue, newValue: c.newValue })).sort((a, b) => a.field.localeCompare(b.field))).toEqual([
        { field: 'firstName', oldValue: null, newValue: null },
        { field: 'housing', oldValue: null, newValue: null },
      ]);
      const referrals = new Map(profile.referrals.map((r) => [r.id, r]));
      expect(referrals.get(refused.id)).toMatchObject({ status: 'refused', statusReason: null, consentOverridden: false });
      expect(referrals.get(overridden.id)).toMatchObject({ status: 'proposed', consentOverridden: true });
      expect(profile.referrals.flatMap((r) => r.events.map((e) => e.reason))).toEqual([null, null, null]);
      expect((await t.ok('visitors.search', { query: 'konat' })).items).toEqual([]);
      expect((await t.ok('visitors.search', { query: '0698765432' })).items).toEqual([]);
      expect((await t.ok('visitors.search', { query: code })).items.map((v) => v.id)).toEqual([id]);
      expect((await t.ok('drafts.list', {})).map((d) => d.form)).toEqual(['registration']);
      // Still an active record: the minimum can be edited, the identifying fields cannot come back without consent.
      await t.ok('visitors.update', { id, fields: { ...profile.visitor.fields, birthYear: 1994 } });
      expect(await t.call('visitors.update', { id, fields: { ...profile.visitor.fields, childrenCount: 1 } })).toMatchObject({
        ok: false,
        error: { code: 'visitors.consentRequired', fields: { 'fields.childrenCount': 'consent.dataProcessingRequired' } },
      });
      t.desk.lock('button');

      await loginAs(t, t.staff.psychologist);
      expect(await t.ok('drafts.list', {})).toEqual([]);
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const withdrawal = (await t.ok('audit.list', { action: 'consents.record', limit: 10 })).entries[0];
      expect(withdrawal).toMatchObject({ entityId: String(id), outcome: 'success', detail: 'visitors.identityErased' });

      const plaintext = decryptedDatabase(t);
      expect(plaintext.includes(Buffer.from(code))).toBe(true);
      expect(plaintext.includes(Buffer.from('Konaté'))).toBe(false);
      expect(plaintext.includes(Buffer.from('698765432'))).toBe(false);
      expect(plaintext.includes(Buffer.from(CANARY))).toBe(false);
      for (const file of readdirSync(t.dir)) expect(readFileSync(join(t.dir, file)).includes(Buffer.from(CANARY)), file).toBe(false);
    } finally {
      t.close();
    }
  });
});
