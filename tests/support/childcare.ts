import { deskWithStaff, loginAs, TestClock } from './desk';
import type { InputOf } from '../../shared/contract';

type ChildInput = InputOf<'children.add'>['child'];

/**
 * A desk ready for the childcare space: the desk worker logged in at the association's
 * place, the clock on Sunday 29 November 2026, 09:00 UTC (10:00 in Nador), and helpers to
 * register mothers, record children, make slots and activity sessions. Slots default to
 * Monday 7 December 10:00–12:00, ages 0 to 6, capacity 2.
 */
export async function childcareDesk(clock = new TestClock()) {
  const t = await deskWithStaff(clock);
  await loginAs(t, t.staff.desk);
  const [place] = await t.ok('places.list', {});
  const db = () => t.desk.requireSession().db;

  const mother = async (firstName = 'Rose') =>
    (
      await t.ok('visitors.register', {
        fields: { firstName, lastName: 'Kamara', sex: 'female', birthYear: 1992 },
        consents: { dataProcessing: true, referrals: false, phoneContact: false, reporting: true },
      })
    ).id;
  const child = async (motherId: number, fields: Partial<ChildInput> = {}) => t.ok('children.add', { motherId, child: { firstName: 'Awa', sex: 'female', birthDate: '2023-03-10', ...fields } });
  const slot = async (fields: Partial<InputOf<'childcare.saveSlot'>> = {}) =>
    t.ok('childcare.saveSlot', { day: '2026-12-07', starts: '10:00', ends: '12:00', placeId: place.id, capacity: 2, ageUnit: 'years', minAge: 0, maxAge: 6, ...fields });
  const as = async (role: 'admin' | 'desk' | 'psychologist') => {
    t.desk.lock('button');
    await loginAs(t, t.staff[role]);
  };

  /** An activity with sessions at these UTC instants (2 hours each), written as migration 0009 lays them out. */
  const activity = (startsAt: string[]): { activityId: number; sessionIds: number[] } => {
    const at = clock.now().toISOString();
    const by = t.staff.desk.id;
    const activityId = Number(
      db()
        .prepare(`INSERT INTO activities (kind_id, title, facilitator, place_id, capacity, created_at, created_by, updated_at) VALUES (1, 'Darija', 'Samira', ?, 12, ?, ?, ?)`)
        .run(place.id, at, by, at).lastInsertRowid,
    );
    const insert = db().prepare(`INSERT INTO activity_sessions (activity_id, starts_at, ends_at, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
    const sessionIds = startsAt.map((start) => Number(insert.run(activityId, start, new Date(Date.parse(start) + 2 * 3_600_000).toISOString(), at, by, at).lastInsertRowid));
    return { activityId, sessionIds };
  };

  return { ...t, place, db, mother, child, slot, as, activity };
}
