import { describe, expect, it } from 'vitest';
import { deskWithStaff, loginAs } from '../support/desk';

const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

async function visitorWithDisclosure() {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.desk);
  const { id } = await t.ok('visitors.register', { fields: { firstName: 'Mariama', sex: 'female', birthYear: 1996 }, consents: ALL });
  const intake = await t.ok('intakes.record', {
    visitorId: id,
    visitDate: '2026-11-29',
    needs: ['psychosocial', 'maternalHealth'],
    urgency: 'high',
    orientation: 'listeningUnit',
    deskNotes: 'Arrived with her baby; asked for a quiet room.',
    vulnerabilities: ['pregnancy'],
    violence: { disclosed: true, type: 'forcedMarriage' },
  });
  return { ...t, visitorId: id, intakeId: intake.id };
}

describe('intake and disclosure', () => {
  it('desk staff see "referred to the listening unit", never the violence details', async () => {
    const t = await visitorWithDisclosure();
    try {
      const [intake] = (await t.ok('visitors.get', { id: t.visitorId })).intakes;
      expect(intake).toMatchObject({ referredToListeningUnit: true, violenceDisclosed: true, violenceType: null, urgency: 'high' });
      expect(await t.call('intakes.disclosure', { intakeId: t.intakeId })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
    } finally {
      t.close();
    }
  });

  it('psychologists see the type of violence; administrators see nothing clinical', async () => {
    const t = await visitorWithDisclosure();
    try {
      t.desk.lock('button');
      await loginAs(t, t.staff.psychologist);
      expect((await t.ok('visitors.get', { id: t.visitorId })).intakes[0].violenceType).toBe('forcedMarriage');
      expect(await t.ok('intakes.disclosure', { intakeId: t.intakeId })).toEqual({ intakeId: t.intakeId, violenceType: 'forcedMarriage' });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const [intake] = (await t.ok('visitors.get', { id: t.visitorId })).intakes;
      expect(intake).toMatchObject({ violenceDisclosed: null, violenceType: null });
      expect(await t.call('intakes.disclosure', { intakeId: t.intakeId })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      const refusals = (await t.ok('audit.list', { action: 'intakes.disclosure', limit: 10 })).entries;
      expect(refusals.map((e) => `${e.userLogin}:${e.outcome}`)).toEqual(
        expect.arrayContaining([`${t.staff.admin.login}:refused`, `${t.staff.psychologist.login}:success`]),
      );
    } finally {
      t.close();
    }
  });

  it('an administrator with no other role cannot tell a disclosure apart: no orientation, no listening unit, no disclosure', async () => {
    const t = await visitorWithDisclosure();
    try {
      // The same visit without a disclosure, oriented to a partner as the desk would.
      const same = {
        needs: ['psychosocial' as const, 'maternalHealth' as const],
        urgency: 'high' as const,
        deskNotes: 'Arrived with her baby; asked for a quiet room.',
        vulnerabilities: ['pregnancy' as const],
      };
      const { id: other } = await t.ok('visitors.register', { fields: { firstName: 'Awa', sex: 'female', birthYear: 1996 }, consents: ALL });
      await t.ok('intakes.record', { visitorId: other, visitDate: '2026-11-29', orientation: 'partnerReferral', ...same });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const seen = async (id: number) => {
        const [intake] = (await t.ok('visitors.get', { id })).intakes;
        const { id: _id, ...rest } = intake;
        return rest;
      };
      const disclosed = await seen(t.visitorId);
      expect(disclosed).toMatchObject({ orientation: null, referredToListeningUnit: null, violenceDisclosed: null, violenceType: null, needs: same.needs });
      expect(await seen(other)).toEqual(disclosed);

      // An administrator who also works at the desk sees what the desk sees.
      await t.ok('users.update', { id: t.staff.desk.id, roles: ['desk', 'admin'] });
      t.desk.lock('button');
      await loginAs(t, t.staff.desk);
      expect((await t.ok('visitors.get', { id: t.visitorId })).intakes[0]).toMatchObject({
        orientation: 'listeningUnit',
        referredToListeningUnit: true,
        violenceDisclosed: true,
        violenceType: null,
      });
    } finally {
      t.close();
    }
  });

  it("refuses a visit dated after today on the desk's calendar, in its time zone, by its clock", async () => {
    const t = await visitorWithDisclosure();
    try {
      const visit = (visitDate: string) => ({ visitorId: t.visitorId, visitDate, needs: [], urgency: 'low' as const, orientation: 'none' as const });
      const future = { ok: false, error: { code: 'call.invalidInput', fields: { visitDate: 'visitDate.future' } } };
      expect(await t.call('intakes.record', visit('2099-01-01'))).toEqual(future);
      // 23:30 UTC on 29 November is already 30 November in Casablanca (UTC+1), not yet 1 December.
      t.clock.current = new Date('2026-11-29T23:30:00.000Z');
      expect(await t.call('intakes.record', visit('2026-12-01'))).toEqual(future);
      await t.ok('intakes.record', visit('2026-11-30'));
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      await t.ok('settings.update', { timeZone: 'America/New_York' });
      t.desk.lock('button');
      await loginAs(t, t.staff.desk);
      // In New York it is still 29 November.
      expect(await t.call('intakes.record', visit('2026-11-30'))).toEqual(future);
      await t.ok('intakes.record', visit('2026-11-29'));
      expect((await t.ok('visitors.get', { id: t.visitorId })).intakes.map((i) => i.visitDate)).toEqual(['2026-11-30', '2026-11-29', '2026-11-29']);
    } finally {
      t.close();
    }
  });

  it('a disclosure needs its type, chosen from the GBVIMS list', async () => {
    const t = await visitorWithDisclosure();
    try {
      const base = { visitorId: t.visitorId, visitDate: '2026-11-29', needs: [], urgency: 'low' as const, orientation: 'none' as const };
      expect(await t.call('intakes.record', { ...base, violence: { disclosed: true, type: null } })).toMatchObject({
        ok: false,
        error: { fields: { 'violence.type': 'required' } },
      });
      expect(await t.call('intakes.record', { ...base, violence: { disclosed: true, type: 'harassment' as never } })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput' },
      });
    } finally {
      t.close();
    }
  });

  it('a disclosure that fits none of the six GBVIMS types is recorded as unclassified, still for psychologists only', async () => {
    const t = await visitorWithDisclosure();
    try {
      const { id } = await t.ok('intakes.record', {
        visitorId: t.visitorId,
        visitDate: '2026-11-29',
        needs: ['psychosocial'],
        urgency: 'medium',
        orientation: 'listeningUnit',
        violence: { disclosed: true, type: 'unclassified' },
      });
      const intake = (await t.ok('visitors.get', { id: t.visitorId })).intakes.find((i) => i.id === id);
      expect(intake).toMatchObject({ violenceDisclosed: true, referredToListeningUnit: true, violenceType: null });
      t.desk.lock('button');
      await loginAs(t, t.staff.psychologist);
      expect(await t.ok('intakes.disclosure', { intakeId: id })).toEqual({ intakeId: id, violenceType: 'unclassified' });
    } finally {
      t.close();
    }
  });

  it('a half-filled form survives a lock, for the same user only', async () => {
    const t = await visitorWithDisclosure();
    try {
      await t.ok('drafts.save', { form: 'intake', data: { visitorId: t.visitorId, needs: ['legal'], deskNotes: 'half way' } });
      t.desk.lock('idle');
      await loginAs(t, t.staff.psychologist);
      expect(await t.ok('drafts.get', { form: 'intake' })).toBeNull();
      t.desk.lock('switchUser');
      await loginAs(t, t.staff.desk);
      expect((await t.ok('drafts.list', {})).map((d) => d.form)).toEqual(['intake']);
      expect((await t.ok('drafts.get', { form: 'intake' }))?.data).toEqual({ visitorId: t.visitorId, needs: ['legal'], deskNotes: 'half way' });
      await t.ok('drafts.discard', { form: 'intake' });
      expect(await t.ok('drafts.list', {})).toEqual([]);
      expect(await t.call('drafts.save', { form: 'intake', data: 'x'.repeat(70_000) })).toMatchObject({ ok: false, error: { code: 'drafts.tooLarge' } });
    } finally {
      t.close();
    }
  });
});
