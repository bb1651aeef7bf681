import { describe, expect, it } from 'vitest';
import { activitiesDesk } from '../support/activities';
import { TestClock } from '../support/desk';

describe('workshops', () => {
  it('makes a weekly series, one row a session, and moves or cancels one without touching the others', async () => {
    const t = await activitiesDesk();
    try {
      const course = await t.ok('activities.create', t.course());
      expect(course.sessions.map((s) => s.startsWall)).toEqual(['2026-12-01T10:00', '2026-12-08T10:00', '2026-12-15T10:00', '2026-12-22T10:00']);
      expect(course.sessions.map((s) => s.endsWall.slice(11))).toEqual(['11:30', '11:30', '11:30', '11:30']);
      expect(course).toMatchObject({ kindKey: 'darija', capacity: 12, enrolled: 0, sessionCount: 4, nextSessionWall: '2026-12-01T10:00' });

      const [first, second, third] = course.sessions;
      const moved = await t.ok('activities.moveSession', { id: second.id, startsAt: '2026-12-09T14:00', minutes: 60, reason: 'Salle prise mardi' });
      expect(moved).toMatchObject({ startsWall: '2026-12-09T14:00', endsWall: '2026-12-09T15:00', moved: true });
      const cancelled = await t.ok('activities.cancelSession', { id: third.id, reason: 'Formatrice malade' });
      expect(cancelled).toMatchObject({ cancelReason: 'Formatrice malade', moved: false });
      const after = await t.ok('activities.get', { id: course.id });
      expect(after.sessions.map((s) => [s.startsWall, s.cancelledAt !== null])).toEqual([
        ['2026-12-01T10:00', false],
        ['2026-12-09T14:00', false],
        ['2026-12-15T10:00', true],
        ['2026-12-22T10:00', false],
      ]);
      expect(after.sessionCount).toBe(3);
      const history = await t.ok('activities.session', { id: second.id });
      expect(history.history.map((h) => [h.kind, h.oldStartsWall, h.reason])).toEqual([
        ['created', null, null],
        ['moved', '2026-12-08T10:00', 'Salle prise mardi'],
      ]);
      expect(await t.call('activities.moveSession', { id: third.id, startsAt: '2026-12-16T10:00', minutes: 60, reason: 'x' })).toEqual({
        ok: false,
        error: { code: 'activities.sessionCancelled' },
      });
      const added = await t.ok('activities.addSession', { activityId: course.id, startsAt: '2026-12-29T10:00', minutes: 90 });
      expect(added.startsWall).toBe('2026-12-29T10:00');
      expect((await t.ok('activities.get', { id: course.id })).sessions.find((s) => s.id === first.id)?.startsWall).toBe('2026-12-01T10:00');

      const fortnightly = await t.ok('activities.create', t.course({ sessions: { startsAt: '2026-12-03T15:00', minutes: 60, repeat: { rule: 'fortnightly', until: '2027-01-14' } } }));
      expect(fortnightly.sessions.map((s) => s.startsWall.slice(0, 10))).toEqual(['2026-12-03', '2026-12-17', '2026-12-31', '2027-01-14']);

      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT action, entity, entity_id, outcome FROM audit WHERE action LIKE 'activities.%' AND action NOT IN ('activities.kinds') ORDER BY id`).all()).toEqual([
        { action: 'activities.create', entity: 'activity', entity_id: String(course.id), outcome: 'success' },
        { action: 'activities.moveSession', entity: 'activitySession', entity_id: String(second.id), outcome: 'success' },
        { action: 'activities.cancelSession', entity: 'activitySession', entity_id: String(third.id), outcome: 'success' },
        { action: 'activities.moveSession', entity: 'activitySession', entity_id: String(third.id), outcome: 'failure' },
        { action: 'activities.addSession', entity: 'activitySession', entity_id: String(added.id), outcome: 'success' },
        { action: 'activities.create', entity: 'activity', entity_id: String(fortnightly.id), outcome: 'success' },
      ]);
    } finally {
      t.close();
    }
  });

  it('keeps a weekly 10:00 at 10:00 on the wall clock across both of Ramadan’s clock changes', async () => {
    const t = await activitiesDesk(new TestClock(new Date('2026-02-01T09:00:00.000Z')));
    try {
      const course = await t.ok('activities.create', t.course({ sessions: { startsAt: '2026-02-03T10:00', minutes: 90, repeat: { rule: 'weekly', count: 10 } } }));
      expect(course.sessions.map((s) => s.startsWall.slice(11))).toEqual(Array.from({ length: 10 }, () => '10:00'));
      expect(course.sessions.map((s) => s.startsAt.slice(11, 16))).toEqual(['09:00', '09:00', '10:00', '10:00', '10:00', '10:00', '10:00', '09:00', '09:00', '09:00']);
    } finally {
      t.close();
    }
  });

  it('refuses a capacity of zero or negative, naming the field, and a capacity below those enrolled', async () => {
    const t = await activitiesDesk();
    try {
      for (const capacity of [0, -3]) {
        expect(await t.call('activities.create', t.course({ capacity }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { capacity: 'activities.capacityPositive' } } });
      }
      expect(await t.call('activities.create', t.course({ capacity: 2.5 }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { capacity: 'invalid' } } });
      const { db } = t.desk.requireSession();
      expect(db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });

      const course = await t.ok('activities.create', t.course({ capacity: 3 }));
      for (const name of ['Rose', 'Hawa']) await t.ok('activities.enrol', { activityId: course.id, visitorId: await t.register(name) });
      const { sessions: _sessions, ...fields } = t.course({ capacity: 1 });
      expect(await t.call('activities.update', { ...fields, id: course.id })).toEqual({
        ok: false,
        error: { code: 'call.invalidInput', fields: { capacity: 'activities.capacityBelowEnrolled' }, params: { enrolled: 2 } },
      });
      expect(await t.call('activities.update', { ...fields, id: course.id, capacity: -1 })).toMatchObject({ ok: false, error: { fields: { capacity: 'activities.capacityPositive' } } });
      expect((await t.ok('activities.update', { ...fields, id: course.id, capacity: 2 })).capacity).toBe(2);
    } finally {
      t.close();
    }
  });

  it('refuses a series with both or neither end, a room of another place, and a kind that does not exist', async () => {
    const t = await activitiesDesk();
    try {
      const both = { startsAt: '2026-12-01T10:00', minutes: 90, repeat: { rule: 'weekly' as const, count: 3, until: '2027-01-01' } };
      expect(await t.call('activities.create', t.course({ sessions: both }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { 'sessions.repeat.count': 'activities.repeatNeedsEnd' } } });
      expect(await t.call('activities.create', t.course({ roomId: 999 }))).toEqual({ ok: false, error: { code: 'activities.roomNotInPlace', fields: { roomId: 'activities.roomNotInPlace' } } });
      expect(await t.call('activities.create', t.course({ kindId: 999 }))).toEqual({ ok: false, error: { code: 'activities.kindNotFound' } });
      expect(await t.call('activities.create', t.course({ title: '  ' }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { title: 'required' } } });
    } finally {
      t.close();
    }
  });

  it('enrols up to the capacity, refuses one more, an anonymised visitor and a second enrolment, and lets a withdrawn place be taken', async () => {
    const t = await activitiesDesk();
    try {
      const course = await t.ok('activities.create', t.course({ capacity: 2 }));
      const [rose, hawa, awa] = [await t.register('Rose'), await t.register('Hawa'), await t.register('Awa')];
      const enrolment = await t.ok('activities.enrol', { activityId: course.id, visitorId: rose });
      expect(enrolment).toMatchObject({ visitorId: rose, visitorLabel: expect.stringMatching(/^R\. K\. /), withdrawnAtWall: null });
      expect(await t.call('activities.enrol', { activityId: course.id, visitorId: rose })).toEqual({ ok: false, error: { code: 'activities.alreadyEnrolled' } });
      await t.ok('activities.enrol', { activityId: course.id, visitorId: hawa });
      expect(await t.call('activities.enrol', { activityId: course.id, visitorId: awa })).toEqual({ ok: false, error: { code: 'activities.full', params: { capacity: 2 } } });
      const withdrawn = await t.ok('activities.withdraw', { activityId: course.id, visitorId: hawa });
      expect(withdrawn.withdrawnAtWall).not.toBeNull();
      expect(await t.call('activities.withdraw', { activityId: course.id, visitorId: hawa })).toEqual({ ok: false, error: { code: 'activities.notEnrolled' } });
      await t.ok('activities.enrol', { activityId: course.id, visitorId: awa });
      expect((await t.ok('activities.get', { id: course.id })).enrolments.map((e) => [e.visitorId, e.withdrawnAtWall === null])).toEqual([
        [rose, true],
        [awa, true],
        [hawa, false],
      ]);

      await t.as('admin');
      const other = await t.ok('activities.create', t.course({ title: 'Coaching' }));
      await t.ok('visitors.anonymise', { id: hawa });
      expect(await t.call('activities.enrol', { activityId: other.id, visitorId: hawa })).toEqual({ ok: false, error: { code: 'visitors.anonymised' } });
      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT outcome, detail FROM audit WHERE action = 'activities.enrol' ORDER BY id`).all()).toEqual([
        { outcome: 'success', detail: null },
        { outcome: 'failure', detail: 'activities.alreadyEnrolled' },
        { outcome: 'success', detail: null },
        { outcome: 'failure', detail: 'activities.full' },
        { outcome: 'success', detail: null },
        { outcome: 'failure', detail: 'visitors.anonymised' },
      ]);
    } finally {
      t.close();
    }
  });

  it('saves a roll call in one transaction and refuses the whole roll when one mark is for someone not enrolled', async () => {
    const t = await activitiesDesk();
    try {
      const course = await t.ok('activities.create', t.course());
      const [rose, hawa, stranger] = [await t.register('Rose'), await t.register('Hawa'), await t.register('Awa')];
      for (const visitorId of [rose, hawa]) await t.ok('activities.enrol', { activityId: course.id, visitorId });
      const session = course.sessions[0];
      const empty = await t.ok('activities.rollCall', { sessionId: session.id });
      expect(empty.rows.map((r) => [r.visitorId, r.status])).toEqual([
        [rose, null],
        [hawa, null],
      ]);

      expect(
        await t.call('activities.saveRollCall', {
          sessionId: session.id,
          marks: [
            { visitorId: rose, status: 'present' },
            { visitorId: stranger, status: 'present' },
          ],
        }),
      ).toEqual({ ok: false, error: { code: 'activities.notEnrolled', fields: { 'marks.1.visitorId': 'activities.notEnrolled' } } });
      const { db } = t.desk.requireSession();
      expect(db.prepare('SELECT count(*) AS n FROM attendance').get()).toEqual({ n: 0 });

      const saved = await t.ok('activities.saveRollCall', {
        sessionId: session.id,
        marks: [
          { visitorId: rose, status: 'present' },
          { visitorId: hawa, status: 'excused' },
        ],
      });
      expect(saved.rows.map((r) => r.status)).toEqual(['present', 'excused']);
      expect(saved.session.marked).toBe(2);
      // Taken again, the marks are replaced, never doubled.
      await t.ok('activities.saveRollCall', { sessionId: session.id, marks: [{ visitorId: hawa, status: 'absent' }] });
      expect(db.prepare('SELECT visitor_id, status FROM attendance ORDER BY visitor_id').all()).toEqual([
        { visitor_id: rose, status: 'present' },
        { visitor_id: hawa, status: 'absent' },
      ]);
      // Withdrawn, she is no longer on the roll, and a mark for her is refused; her past marks stay hers.
      await t.ok('activities.withdraw', { activityId: course.id, visitorId: hawa });
      expect(await t.call('activities.saveRollCall', { sessionId: course.sessions[1].id, marks: [{ visitorId: hawa, status: 'present' }] })).toMatchObject({
        ok: false,
        error: { code: 'activities.notEnrolled' },
      });
      await t.ok('activities.cancelSession', { id: course.sessions[2].id, reason: 'Fermé' });
      expect(await t.call('activities.saveRollCall', { sessionId: course.sessions[2].id, marks: [{ visitorId: rose, status: 'present' }] })).toEqual({
        ok: false,
        error: { code: 'activities.sessionCancelled' },
      });
      expect(await t.call('activities.saveRollCall', { sessionId: session.id, marks: [] })).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { marks: 'activities.nothingMarked' } } });

      const timeline = await t.ok('activities.ofVisitor', { visitorId: hawa });
      expect(timeline).toEqual([
        expect.objectContaining({ activityId: course.id, kindKey: 'darija', withdrawnAtWall: expect.any(String), attendance: [{ sessionId: session.id, startsAt: session.startsAt, startsWall: '2026-12-01T10:00', status: 'absent' }] }),
      ]);
      expect(db.prepare(`SELECT outcome, detail, entity_id FROM audit WHERE action = 'activities.saveRollCall' ORDER BY id`).all()).toEqual([
        { outcome: 'failure', detail: 'activities.notEnrolled', entity_id: String(session.id) },
        { outcome: 'success', detail: null, entity_id: String(session.id) },
        { outcome: 'success', detail: null, entity_id: String(session.id) },
        { outcome: 'failure', detail: 'activities.notEnrolled', entity_id: String(course.sessions[1].id) },
        { outcome: 'failure', detail: 'activities.sessionCancelled', entity_id: String(course.sessions[2].id) },
      ]);
    } finally {
      t.close();
    }
  });

  it('lets desk staff and administrators manage, psychologists only read, and administrators alone keep the kinds', async () => {
    const t = await activitiesDesk();
    try {
      const course = await t.ok('activities.create', t.course());
      expect(await t.call('activities.saveKind', { name: 'Couture' })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      await t.as('psychologist');
      expect((await t.ok('activities.list', {})).map((a) => a.id)).toEqual([course.id]);
      expect(await t.call('activities.create', t.course())).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      expect(await t.call('activities.saveRollCall', { sessionId: course.sessions[0].id, marks: [{ visitorId: 1, status: 'present' }] })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      await t.as('admin');
      const sewing = await t.ok('activities.saveKind', { name: 'Couture' });
      expect(sewing).toMatchObject({ key: null, name: 'Couture', active: true });
      expect(await t.call('activities.saveKind', { name: null })).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { name: 'required' } } });
      await t.ok('activities.saveKind', { id: t.darija, name: null, active: false });
      expect((await t.ok('activities.kinds', {})).map((k) => k.key ?? k.name)).toEqual(['coaching', 'healthInfo', 'other', 'Couture']);
      expect(await t.call('activities.create', t.course())).toEqual({ ok: false, error: { code: 'activities.kindNotFound', fields: { kindId: 'required' } } });
      await t.ok('activities.create', t.course({ kindId: sewing.id }));
    } finally {
      t.close();
    }
  });
});
