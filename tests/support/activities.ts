import { deskWithStaff, loginAs, TestClock } from './desk';
import type { InputOf } from '../../shared/contract';

/**
 * A desk ready for workshops: the association's place (two rooms), the Darija kind, and a
 * helper to register visitors. The desk worker is left logged in.
 */
export async function activitiesDesk(clock = new TestClock()) {
  const t = await deskWithStaff(clock);
  await loginAs(t, t.staff.admin);
  const [association] = await t.ok('places.list', {});
  const place = await t.ok('places.update', { ...association, rooms: [...association.rooms, { name: 'Petite salle', active: true }] });
  const kinds = await t.ok('activities.kinds', {});
  const darija = kinds.find((k) => k.key === 'darija')?.id ?? 0;
  const as = async (role: 'admin' | 'desk' | 'psychologist') => {
    t.desk.lock('button');
    await loginAs(t, t.staff[role]);
  };
  await as('desk');
  const register = async (firstName = 'Rose') =>
    (
      await t.ok('visitors.register', {
        fields: { firstName, lastName: 'Kamara', sex: 'female', birthYear: 1990 },
        consents: { dataProcessing: true, referrals: false, phoneContact: false, reporting: true },
      })
    ).id;
  /** A Darija course at the association's place, Tuesdays at 10:00 for 90 minutes. */
  const course = (extra: Partial<InputOf<'activities.create'>> = {}): InputOf<'activities.create'> => ({
    kindId: darija,
    title: 'Darija débutantes',
    facilitator: 'Naima B.',
    placeId: place.id,
    roomId: place.rooms[0].id,
    capacity: 12,
    description: null,
    sessions: { startsAt: '2026-12-01T10:00', minutes: 90, repeat: { rule: 'weekly', count: 4 } },
    ...extra,
  });
  return { ...t, place, darija, as, register, course };
}
