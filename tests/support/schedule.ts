import { deskWithStaff, loginAs, TestClock } from './desk';
import type { InputOf } from '../../shared/contract';

type Visitor = InputOf<'visitors.register'>['fields'];

/**
 * A desk ready for the listening unit: two psychologists (Salma speaks French, Khadija
 * French and Bambara) working Monday to Friday at the association's place 09:00–17:00 with
 * a break at noon, a second room there, an interpreter for Bambara on Tuesdays only, and
 * visitors registered by the desk. The desk worker is left logged in.
 */
export async function scheduleDesk(clock = new TestClock()) {
  const t = await deskWithStaff(clock);
  await loginAs(t, t.staff.admin);
  const second = await t.ok('users.create', { login: 'khadija', displayName: 'Khadija (psychologist)', roles: ['psychologist'], language: 'fr' });
  const psychologists = { salma: t.staff.psychologist.id, khadija: second.user.id };
  const [association] = await t.ok('places.list', {});
  const place = await t.ok('places.update', { ...association, rooms: [...association.rooms, { name: 'Petite salle', active: true }] });
  const rooms = place.rooms.map((r) => r.id);
  const week = [1, 2, 3, 4, 5] as const;
  for (const userId of Object.values(psychologists)) {
    await t.ok('availability.setPlan', {
      owner: { userId },
      plan: [
        ...week.map((weekday) => ({ placeId: place.id, weekday, starts: '09:00', ends: '17:00' })),
        ...week.map((weekday) => ({ weekday, starts: '12:00', ends: '13:00', kind: 'break' as const })),
      ],
    });
  }
  await t.ok('availability.setLanguages', { userId: psychologists.salma, languages: ['fr'] });
  await t.ok('availability.setLanguages', { userId: psychologists.khadija, languages: ['fr', 'bm'] });
  const interpreter = await t.ok('interpreters.save', { name: 'Mariam', kind: 'interpreter', languages: ['bm', 'fr'], phone: null });
  await t.ok('availability.setPlan', { owner: { interpreterId: interpreter.id }, plan: [{ weekday: 2, starts: '09:00', ends: '17:00' }] });
  const kinds = await t.ok('appointments.kinds', {});
  const followUp = kinds.find((k) => k.key === 'followUp')?.id ?? 0;
  t.desk.lock('button');
  await loginAs(t, t.staff.desk);

  const register = async (fields: Partial<Visitor> = {}, phoneContact = false) =>
    (
      await t.ok('visitors.register', {
        fields: { firstName: 'Rose', lastName: 'Kamara', sex: 'female', birthYear: 1990, ...fields },
        consents: { dataProcessing: true, referrals: false, phoneContact, reporting: true },
      })
    ).id;
  const as = async (role: 'admin' | 'desk' | 'psychologist') => {
    t.desk.lock('button');
    await loginAs(t, t.staff[role]);
  };
  /** A booking of the follow-up kind at the association's place, 45 minutes. */
  const booking = (visitorId: number, startsAt: string, extra: Partial<InputOf<'appointments.book'>> = {}): InputOf<'appointments.book'> => ({
    visitorId,
    psychologistId: psychologists.salma,
    placeId: place.id,
    startsAt,
    minutes: 45,
    kindId: followUp,
    ...extra,
  });
  return { ...t, psychologists, place, rooms, interpreter, followUp, register, as, booking };
}
