import { describe, expect, it } from 'vitest';
import { ADMIN, deskWithStaff, loginAs } from '../support/desk';

const consents = (referrals: boolean) => ({ dataProcessing: true, referrals, phoneContact: false, reporting: true });

async function setup() {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.desk);
  const partners = await t.ok('partners.list', {});
  const hospital = partners.find((p) => p.kind === 'hospital');
  if (!hospital) throw new Error('the partner directory is not pre-filled');
  const withConsent = (await t.ok('visitors.register', { fields: { firstName: 'Rose', sex: 'female', birthYear: 1990 }, consents: consents(true) })).id;
  const without = (await t.ok('visitors.register', { fields: { firstName: 'Hawa', sex: 'female', birthYear: 1992 }, consents: consents(false) })).id;
  return { ...t, hospital, withConsent, without };
}

describe('partners and referrals', () => {
  it('the directory starts with the field partners, and only administrators edit it', async () => {
    const t = await setup();
    try {
      expect((await t.ok('partners.list', {})).map((p) => p.kind).sort()).toEqual(['association', 'community', 'hospital', 'publicService']);
      expect(await t.call('partners.create', { name: 'Clinique X', kind: 'hospital' })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const created = await t.ok('partners.create', { name: 'Entraide Nador', kind: 'association', services: ['legal'], phone: '0536 12 34 56' });
      expect(created.phone).toBe('+212536123456');
      const renamed = await t.ok('partners.update', { ...created, name: 'Entraide Nador (siège)', active: false });
      expect(renamed).toMatchObject({ name: 'Entraide Nador (siège)', active: false });
      expect((await t.ok('partners.list', {})).map((p) => p.id)).not.toContain(created.id);
    } finally {
      t.close();
    }
  });

  it('refers, follows the status through, and lists follow-ups due', async () => {
    const t = await setup();
    try {
      const referral = await t.ok('referrals.create', {
        visitorId: t.withConsent,
        partnerId: t.hospital.id,
        service: 'maternalHealth',
        referredOn: '2026-11-29',
        followUpOn: '2026-12-03',
      });
      expect(referral).toMatchObject({ status: 'proposed', partnerName: t.hospital.name });
      expect(await t.ok('referrals.followUpsDue', { on: '2026-12-02' })).toEqual([]);
      expect((await t.ok('referrals.followUpsDue', { on: '2026-12-03' })).map((r) => r.id)).toEqual([referral.id]);
      await t.ok('referrals.setStatus', { id: referral.id, status: 'sent' });
      expect(await t.call('referrals.setStatus', { id: referral.id, status: 'refused' })).toMatchObject({
        ok: false,
        error: { fields: { reason: 'required' } },
      });
      const refused = await t.ok('referrals.setStatus', { id: referral.id, status: 'refused', reason: 'No appointment before January' });
      expect(refused.events.map((e) => [e.status, e.reason, e.by])).toEqual([
        ['proposed', null, t.staff.desk.login],
        ['sent', null, t.staff.desk.login],
        ['refused', 'No appointment before January', t.staff.desk.login],
      ]);
      expect((await t.ok('visitors.get', { id: t.withConsent })).referrals[0].events).toHaveLength(3);
      expect(await t.call('referrals.setStatus', { id: referral.id, status: 'done' })).toMatchObject({
        ok: false,
        error: { code: 'referrals.invalidTransition' },
      });
      expect(await t.ok('referrals.followUpsDue', { on: '2026-12-31' })).toEqual([]);
    } finally {
      t.close();
    }
  });

  it("refuses a referral dated after today on the desk's calendar; its follow-up may be later", async () => {
    const t = await setup();
    try {
      const request = { visitorId: t.withConsent, partnerId: t.hospital.id, service: 'psychosocial' } as const;
      // 23:30 UTC on 29 November is already 30 November in Casablanca.
      t.clock.current = new Date('2026-11-29T23:30:00.000Z');
      for (const referredOn of ['2026-12-01', '2099-01-01']) {
        expect(await t.call('referrals.create', { ...request, referredOn })).toEqual({
          ok: false,
          error: { code: 'call.invalidInput', fields: { referredOn: 'referredOn.future' } },
        });
      }
      const made = await t.ok('referrals.create', { ...request, referredOn: '2026-11-30', followUpOn: '2026-12-15' });
      expect(made).toMatchObject({ referredOn: '2026-11-30', followUpOn: '2026-12-15' });
      expect((await t.ok('visitors.get', { id: t.withConsent })).referrals.map((r) => r.id)).toEqual([made.id]);
    } finally {
      t.close();
    }
  });

  it('refuses a referral without consent; a psychologist may override with a reason, audited', async () => {
    const t = await setup();
    try {
      const request = { visitorId: t.without, partnerId: t.hospital.id, service: 'psychosocial', referredOn: '2026-11-29' } as const;
      expect(await t.call('referrals.create', request)).toMatchObject({ ok: false, error: { code: 'referrals.consentRequired' } });
      expect(await t.call('referrals.create', { ...request, consentOverrideReason: 'urgent' })).toMatchObject({
        ok: false,
        error: { code: 'referrals.consentRequired', fields: { consentOverrideReason: 'referrals.overrideNotAllowed' } },
      });
      expect((await t.ok('visitors.get', { id: t.without })).referrals).toEqual([]);
      t.desk.lock('button');
      await loginAs(t, t.staff.psychologist);
      const overridden = await t.ok('referrals.create', { ...request, consentOverrideReason: 'Immediate danger; she asked orally' });
      expect(overridden.consentOverridden).toBe(true);
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const audit = (await t.ok('audit.list', { action: 'referrals.consentOverride', limit: 5 })).entries;
      expect(audit[0]).toMatchObject({ userLogin: t.staff.psychologist.login, entityId: String(overridden.id) });
    } finally {
      t.close();
    }
  });

  it('the printable slip carries no violence details', async () => {
    const t = await setup();
    try {
      await t.ok('intakes.record', {
        visitorId: t.withConsent,
        visitDate: '2026-11-29',
        needs: ['psychosocial'],
        urgency: 'high',
        orientation: 'listeningUnit',
        violence: { disclosed: true, type: 'rape' },
      });
      const referral = await t.ok('referrals.create', { visitorId: t.withConsent, partnerId: t.hospital.id, service: 'psychosocial', referredOn: '2026-11-29' });
      const slip = await t.ok('referrals.slip', { id: referral.id });
      expect(slip).toMatchObject({ visitorName: 'Rose', service: 'psychosocial', partner: { name: t.hospital.name } });
      expect(JSON.stringify(slip)).not.toMatch(/rape|violence|disclos/i);
      // Named at the first run.
      expect(slip.organisation).toBe(ADMIN.organisationName);
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      await t.ok('settings.update', { organisationName: "  ASTICUDE – Guichet d'accueil, Nador " });
      expect((await t.ok('referrals.slip', { id: referral.id })).organisation).toBe("ASTICUDE – Guichet d'accueil, Nador");
    } finally {
      t.close();
    }
  });

  it('opening a slip is audited as a read, and only printing it records a print, with its language', async () => {
    const t = await setup();
    try {
      const referral = await t.ok('referrals.create', { visitorId: t.withConsent, partnerId: t.hospital.id, service: 'legal', referredOn: '2026-11-29' });
      await t.ok('referrals.slip', { id: referral.id });
      await t.ok('referrals.slip', { id: referral.id });
      expect(await t.ok('referrals.slipPrinted', { id: referral.id, language: 'ar' })).toBeNull();
      expect(await t.call('referrals.slipPrinted', { id: referral.id + 100, language: 'fr' })).toEqual({ ok: false, error: { code: 'referrals.notFound' } });
      expect(await t.call('referrals.slipPrinted', { id: referral.id, language: 'de' } as never)).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { language: 'required' } },
      });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const entries = (await t.ok('audit.list', { limit: 20 })).entries.filter((e) => e.action.startsWith('referrals.slip')).reverse();
      expect(entries.map((e) => [e.action, e.userLogin, e.entityId, e.outcome, e.detail])).toEqual([
        ['referrals.slip', t.staff.desk.login, String(referral.id), 'success', null],
        ['referrals.slip', t.staff.desk.login, String(referral.id), 'success', null],
        ['referrals.slipPrinted', t.staff.desk.login, String(referral.id), 'success', 'ar'],
        ['referrals.slipPrinted', t.staff.desk.login, String(referral.id + 100), 'failure', 'referrals.notFound'],
      ]);
    } finally {
      t.close();
    }
  });
});
