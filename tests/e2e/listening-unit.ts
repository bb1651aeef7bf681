import type { Locator, Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language } from '../../shared/domain/accounts';
import { closeToasts, screenshot, type Harness, type Staff } from './fixtures';

/**
 * The listening unit's people for the schedule's specs (`appointments.spec.ts`,
 * `schedule-booking.spec.ts`), on a desk clock and a page clock each spec sets
 * (`listeningUnitAt`), so that nothing depends on the day the suite runs.
 */
export const T = { fr, ar, en } as const;
const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

export interface Unit {
  fatima: Staff;
  salma: Staff;
  nadia: Staff;
  placeId: number;
  roomId: number;
  kindId: number;
  interpreterId: number;
  /** Needs a Fulani interpreter; consented to phone calls. */
  aissatou: { id: number; code: string };
  /** Speaks French; did not consent to phone calls. */
  grace: { id: number; code: string };
}

/**
 * A desk worker (Fatima), two psychologists working 09:00–17:00 on weekdays at the desk
 * (Salma speaks French, Nadia too), a Fulani interpreter, two visitors. The session is
 * left with `who` (the desk worker unless said).
 */
async function unitAt(now: Date, harness: Harness, language: Language, who: 'fatima' | 'salma' = 'fatima'): Promise<Unit> {
  harness.setDeskClock(now);
  await harness.seedAdmin(language);
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], language);
  const salma = await harness.seedUser('salma', 'Salma Idrissi', ['psychologist'], language);
  const nadia = await harness.seedUser('nadia', 'Nadia Alaoui', ['psychologist'], language);
  const [place] = await harness.ok('places.list', {});
  const kinds = await harness.ok('appointments.kinds', {});
  const plan = [1, 2, 3, 4, 5].map((weekday) => ({ placeId: place.id, weekday: weekday as 1, starts: '09:00', ends: '17:00' }));
  for (const psychologist of [salma, nadia]) {
    await harness.ok('availability.setPlan', { owner: { userId: psychologist.id }, plan });
    await harness.ok('availability.setLanguages', { userId: psychologist.id, languages: ['fr'] });
  }
  const interpreter = await harness.ok('interpreters.save', { name: 'Mariama Diallo', kind: 'interpreter', languages: ['ff'], phone: null });
  await harness.ok('places.update', { id: place.id, name: place.name, address: '12 rue Al Massira, Nador', active: true, rooms: [...place.rooms.map((r) => ({ id: r.id, name: r.name, active: r.active })), { name: 'Salle 2', active: true }], hours: place.hours });
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const aissatou = await harness.ok('visitors.register', {
    fields: { alias: 'Aïssatou', sex: 'female', birthYear: 1994, nationality: 'GN', languages: ['ff'], interpreterNeeded: true, interpreterLanguage: 'ff', phone: '0612345678' },
    consents: ALL_CONSENTS,
  });
  const grace = await harness.ok('visitors.register', {
    fields: { alias: 'Grace', sex: 'female', birthYear: 1990, nationality: 'CM', languages: ['fr'], phone: '0687654321' },
    consents: { ...ALL_CONSENTS, phoneContact: false },
  });
  const first = kinds.find((k) => k.key === 'firstListening') ?? kinds[0];
  if (who === 'salma') {
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: salma.login, password: salma.password });
  }
  return { fatima, salma, nadia, placeId: place.id, roomId: place.rooms[0].id, kindId: first.id, interpreterId: interpreter.id, aissatou, grace };
}

/** A booking through the router, as another desk worker would make it. */
export async function book(harness: Harness, u: Unit, visitorId: number, psychologist: Staff, startsAt: string, extra: Record<string, unknown> = {}) {
  const [booked] = await harness.ok('appointments.book', { visitorId, psychologistId: psychologist.id, placeId: u.placeId, startsAt, minutes: 45, kindId: u.kindId, ...extra });
  return booked;
}

async function openAppAt(now: Date, page: Page, harness: Harness, hash: string): Promise<void> {
  await page.clock.install({ time: now });
  await harness.open();
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}

export async function shot(page: Page, name: string): Promise<void> {
  await closeToasts(page);
  await screenshot(page, name);
}

export function nav(page: Page, t: (typeof T)[Language]): Locator {
  return page.getByRole('navigation', { name: t.shell.navigation });
}

/** The set-up and the opening of the app, both on `now` (the desk's clock and the page's). */
export function listeningUnitAt(now: Date) {
  return {
    unit: (harness: Harness, language: Language, who: 'fatima' | 'salma' = 'fatima') => unitAt(now, harness, language, who),
    openApp: (page: Page, harness: Harness, hash: string) => openAppAt(now, page, harness, hash),
  };
}
