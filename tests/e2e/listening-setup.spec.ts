import type { Locator, Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language } from '../../shared/domain/accounts';
import { deskFormat } from '../../renderer/ui/dates';
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test, type Harness, type Staff } from './fixtures';

/**
 * The listening unit's setup: places with their rooms and opening hours, session kinds,
 * interpreters, and everyone's hours. The words come from the catalogues themselves.
 */
const T = { fr, ar, en } as const;

test.use({ viewport: { width: 1280, height: 720 } });

const DESK = "Accueil de l'association";
const HOSPITAL = "Cellule d'écoute – Hôpital Al-Hassani";
/** A day of leave far from any day the suite runs on: exceptions may be any day, past or future. */
const LEAVE_TYPED = '15/06/2027';
const LEAVE_DAY = '2027-06-15';

const say = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

async function go(page: Page, lang: Language, destination: keyof typeof fr.nav): Promise<void> {
  await page.getByRole('navigation', { name: T[lang].shell.navigation }).getByRole('link', { name: T[lang].nav[destination], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Tab (forwards) until `target` has the focus: how a person who does not use a mouse gets there. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Types a time into a time box (hours, then the minutes follow by themselves), as a person does. */
async function typeTime(page: Page, hours: Locator, time: string): Promise<void> {
  await hours.focus();
  await page.keyboard.type(time.replace(':', ''));
}

/** What a time box holds, hours and minutes (`09:00`). */
async function expectTime(page: Page, label: string, time: string): Promise<void> {
  const [hh, mm] = time.split(':');
  await expect(page.getByRole('spinbutton', { name: label, exact: true })).toHaveValue(hh);
  await expect(page.getByRole('spinbutton', { name: say(fr.dates.minutesOf, { field: label }) })).toHaveValue(mm);
}

async function seedPsychologist(harness: Harness): Promise<Staff> {
  return harness.seedUser('salma', 'Salma Idrissi', ['psychologist']);
}

test('an administrator edits a place\'s hours and adds a room, adds an interpreter with two languages and a session kind', async ({ page, harness }) => {
  await harness.seedAdmin();
  await harness.open();

  // The two places the field starts with, with their rooms and hours.
  await go(page, 'fr', 'places');
  const rows = page.getByTestId('place-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: DESK })).toContainText("Salle d'écoute");
  await expect(rows.filter({ hasText: HOSPITAL })).toContainText('09:00–16:00');
  // The hospital cell's card says only the hospital: a card found by someone else tells nothing.
  await expect(rows.filter({ hasText: HOSPITAL })).toContainText(say(fr.places.onCard, { name: 'Hôpital Al-Hassani' }));

  await page.getByRole('link', { name: say(fr.places.editPlace, { name: DESK }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: DESK })).toBeVisible();
  await expect(page.getByLabel(fr.places.form.cardName)).toHaveValue(DESK);
  // Monday closes at 16:30 now, and Saturday opens in the morning.
  await typeTime(page, page.getByLabel(say(fr.places.hours.closesOn, { day: 'lundi', number: 1 }), { exact: true }), '16:30');
  await page.getByRole('button', { name: say(fr.places.hours.addOn, { day: 'samedi' }) }).click();
  await expect(page.getByLabel(say(fr.places.hours.opensOn, { day: 'samedi', number: 1 }), { exact: true })).toBeFocused();
  await page.keyboard.type('0900');
  await typeTime(page, page.getByLabel(say(fr.places.hours.closesOn, { day: 'samedi', number: 1 }), { exact: true }), '12:00');
  await page.getByRole('button', { name: fr.places.rooms.add }).click();
  await expect(page.getByRole('textbox', { name: say(fr.places.rooms.name, { number: 2 }) })).toBeFocused();
  await page.keyboard.type('Petite salle');
  await page.getByRole('button', { name: fr.common.save }).click();

  await expect(page.getByText(say(fr.places.saved, { name: DESK }))).toBeVisible();
  await expect(rows.filter({ hasText: DESK })).toContainText('Petite salle');
  await expect(rows.filter({ hasText: DESK })).toContainText('Samedi 09:00–12:00');
  const desk = (await harness.ok('places.list', { includeInactive: true })).find((p) => p.name === DESK);
  expect(desk?.rooms.map((r) => r.name)).toEqual(["Salle d'écoute", 'Petite salle']);
  expect(desk?.hours.filter((h) => h.weekday === 1 || h.weekday === 6)).toEqual([
    { weekday: 1, opens: '09:00', closes: '16:30' },
    { weekday: 6, opens: '09:00', closes: '12:00' },
  ]);

  // An interpreter who speaks Bambara and Wolof.
  await go(page, 'fr', 'interpreters');
  await expect(page.getByTestId('interpreters-empty')).toBeVisible();
  await page.getByRole('button', { name: fr.interpreters.create }).click();
  const dialog = page.getByRole('dialog', { name: fr.interpreters.form.createTitle });
  await dialog.getByLabel(fr.interpreters.form.name).fill('Aminata Diallo');
  await dialog.getByRole('radio', { name: fr.interpreters.kinds.mediator }).check();
  const languages = dialog.getByLabel(fr.interpreters.form.languages);
  await languages.fill('Bamb');
  await languages.press('Enter');
  await languages.fill('Wol');
  await languages.press('Enter');
  await dialog.getByLabel(fr.interpreters.form.phone).fill('+212 6 12 34 56 78');
  await dialog.getByRole('button', { name: fr.interpreters.form.create }).click();
  await expect(dialog).toBeHidden();
  const interpreter = page.getByTestId('interpreter-row');
  await expect(interpreter).toHaveCount(1);
  await expect(interpreter).toContainText('Aminata Diallo');
  await expect(interpreter).toContainText(fr.spokenLanguages.bm);
  await expect(interpreter).toContainText(fr.spokenLanguages.wo);
  expect(await harness.ok('interpreters.list', {})).toMatchObject([{ name: 'Aminata Diallo', kind: 'mediator', languages: ['bm', 'wo'], phone: '+212612345678' }]);

  // A kind of session the field did not start with, next to its four.
  await go(page, 'fr', 'sessionKinds');
  const kinds = page.getByTestId('session-kind-row');
  await expect(kinds).toHaveCount(4);
  await expect(kinds.first()).toContainText(fr.listening.kinds.firstListening);
  await page.getByRole('button', { name: fr.sessionKinds.create }).click();
  const kindDialog = page.getByRole('dialog', { name: fr.sessionKinds.form.createTitle });
  await kindDialog.getByLabel(fr.sessionKinds.form.name).fill('Groupe de parole');
  await kindDialog.getByLabel(fr.sessionKinds.form.minutes).fill('90');
  await kindDialog.getByRole('button', { name: fr.sessionKinds.form.create }).click();
  await expect(kindDialog).toBeHidden();
  await expect(kinds).toHaveCount(5);
  await expect(kinds.filter({ hasText: 'Groupe de parole' })).toContainText('90 minutes');
  expect((await harness.ok('appointments.kinds', {})).find((k) => k.name === 'Groupe de parole')).toMatchObject({ key: null, defaultMinutes: 90, active: true });
});

test('a psychologist sets her own weekly hours with a break and a day of leave, with the keyboard alone', async ({ page, harness }) => {
  await harness.seedAdmin();
  const salma = await seedPsychologist(harness);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: salma.login, password: salma.password });
  await harness.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Only her own hours are offered: no one else's, no places.
  const nav = page.getByRole('navigation', { name: fr.shell.navigation });
  await expect(nav.getByRole('link', { name: fr.nav.teamHours })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: fr.nav.places })).toHaveCount(0);
  await tabTo(page, nav.getByRole('link', { name: fr.nav.myHours }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: fr.availability.mine.title })).toBeFocused();

  // Monday: 09:00–17:00 at the desk, a break 12:30–13:30.
  await tabTo(page, page.getByRole('button', { name: say(fr.availability.plan.addWorkOn, { day: 'lundi' }) }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(say(fr.availability.plan.workStartsOn, { day: 'lundi', number: 1 }), { exact: true })).toBeFocused();
  await page.keyboard.type('0900');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1700');
  await expect(page.getByRole('combobox', { name: say(fr.availability.plan.placeOn, { day: 'lundi', number: 1 }) })).toHaveValue(DESK);
  await tabTo(page, page.getByRole('button', { name: say(fr.availability.plan.addBreakOn, { day: 'lundi' }) }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(say(fr.availability.plan.breakStartsOn, { day: 'lundi', number: 2 }), { exact: true })).toBeFocused();
  await page.keyboard.type('1230');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1330');
  // Tuesday: the same as Monday, in one key press.
  await tabTo(page, page.getByRole('button', { name: say(fr.availability.plan.sameAs, { day: 'lundi' }) }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-day-2').getByTestId('plan-period')).toHaveCount(2);
  await tabTo(page, page.getByRole('button', { name: fr.availability.plan.save }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(fr.availability.plan.saved)).toBeVisible();

  const places = await harness.ok('places.list', {});
  const deskId = places.find((p) => p.name === DESK)?.id;
  const work = { placeId: deskId, starts: '09:00', ends: '17:00', kind: 'work' };
  const lunch = { placeId: null, starts: '12:30', ends: '13:30', kind: 'break' };
  const saved = await harness.ok('availability.get', { owner: { userId: salma.id } });
  expect(saved.plan.map(({ weekday, ...period }) => ({ weekday, ...period }))).toEqual([
    { weekday: 1, ...work },
    { weekday: 1, ...lunch },
    { weekday: 2, ...work },
    { weekday: 2, ...lunch },
  ]);

  // A day of leave: typed day first, its kind picked with the arrows.
  await tabTo(page, page.getByRole('textbox', { name: fr.availability.exceptions.day }));
  await page.keyboard.type(LEAVE_TYPED);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: fr.availability.exceptions.kind })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: fr.availability.exceptionKinds.leave })).toBeVisible();
  // Closed places and public holidays are the administrators'.
  await expect(page.getByRole('option', { name: fr.availability.exceptionKinds.publicHoliday })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: fr.availability.exceptions.kind })).toHaveValue(fr.availability.exceptionKinds.leave);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: fr.availability.exceptions.note })).toBeFocused();
  await page.keyboard.type('Formation');
  await page.keyboard.press('Enter');
  await expect(page.getByText(fr.availability.exceptions.added)).toBeVisible();
  await expect(page.getByTestId('exception-row')).toHaveCount(1);
  await expect(page.getByTestId('exception-row')).toContainText(deskFormat('fr', 'Africa/Casablanca').day(LEAVE_DAY));
  expect((await harness.ok('availability.get', { owner: { userId: salma.id } })).exceptions).toMatchObject([
    { userId: salma.id, day: LEAVE_DAY, kind: 'leave', starts: null, ends: null, note: 'Formation' },
  ]);

  // The languages she speaks.
  await tabTo(page, page.getByRole('combobox', { name: fr.availability.languages.label, exact: true }));
  await page.keyboard.type('Darija');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: fr.availability.languages.save }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(fr.availability.languages.saved)).toBeVisible();
  expect((await harness.ok('availability.psychologists', {})).find((p) => p.id === salma.id)?.languages).toEqual(['ary']);
});

test('an end before its start and a place without a room get their field errors, and nothing typed is lost', async ({ page, harness }) => {
  await harness.seedAdmin();
  const salma = await seedPsychologist(harness);
  await harness.open();

  await go(page, 'fr', 'places');
  await page.getByRole('link', { name: fr.places.create }).click();
  await expect(page.getByRole('textbox', { name: fr.places.form.name, exact: true })).toBeFocused();
  await page.keyboard.type('Antenne de Selouane');
  await page.getByRole('button', { name: say(fr.places.rooms.remove, { number: 1 }) }).click();
  await expect(page.getByTestId('room-row')).toHaveCount(0);
  await page.getByRole('button', { name: say(fr.places.hours.addOn, { day: 'mercredi' }) }).click();
  await typeTime(page, page.getByLabel(say(fr.places.hours.opensOn, { day: 'mercredi', number: 1 }), { exact: true }), '14:00');
  await typeTime(page, page.getByLabel(say(fr.places.hours.closesOn, { day: 'mercredi', number: 1 }), { exact: true }), '10:00');
  await page.getByRole('button', { name: fr.places.form.create }).click();

  await expect(page.getByText(fr.fields.places.roomRequired, { exact: true })).toBeVisible();
  await expect(page.getByText(fr.fields.endBeforeStart)).toBeVisible();
  // The first wrong thing, in reading order, has the keyboard: here, adding a room.
  await expect(page.getByRole('button', { name: fr.places.rooms.add })).toBeFocused();
  await expect(page.getByLabel(say(fr.places.hours.closesOn, { day: 'mercredi', number: 1 }), { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'listening-place-errors');
  await expectAccessible(page, 'place errors');
  expect((await harness.ok('places.list', { includeInactive: true })).map((p) => p.name)).not.toContain('Antenne de Selouane');

  await page.keyboard.press('Enter');
  await page.keyboard.type('Salle unique');
  await typeTime(page, page.getByLabel(say(fr.places.hours.closesOn, { day: 'mercredi', number: 1 }), { exact: true }), '17:00');
  await expect(page.getByText(fr.fields.endBeforeStart)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: fr.places.form.name, exact: true })).toHaveValue('Antenne de Selouane');
  await expectTime(page, say(fr.places.hours.opensOn, { day: 'mercredi', number: 1 }), '14:00');
  await page.getByRole('button', { name: fr.places.form.create }).click();
  await expect(page.getByText(say(fr.places.saved, { name: 'Antenne de Selouane' }))).toBeVisible();
  expect((await harness.ok('places.list', {})).find((p) => p.name === 'Antenne de Selouane')).toMatchObject({
    rooms: [{ name: 'Salle unique', active: true }],
    hours: [{ weekday: 3, opens: '14:00', closes: '17:00' }],
  });

  // The same in a psychologist's week, set by an administrator.
  await go(page, 'fr', 'teamHours');
  await page.getByRole('link', { name: say(fr.availability.team.openFor, { name: salma.displayName }) }).click();
  await page.getByRole('button', { name: say(fr.availability.plan.addWorkOn, { day: 'jeudi' }) }).click();
  await page.keyboard.type('1700');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0900');
  await page.getByRole('button', { name: fr.availability.plan.save }).click();
  const ends = page.getByLabel(say(fr.availability.plan.workEndsOn, { day: 'jeudi', number: 1 }), { exact: true });
  await expect(ends).toBeFocused();
  await expect(ends).toHaveAccessibleDescription(fr.fields.endBeforeStart);
  expect((await harness.ok('availability.get', { owner: { userId: salma.id } })).plan).toEqual([]);
  await page.keyboard.type('1800');
  await expectTime(page, say(fr.availability.plan.workStartsOn, { day: 'jeudi', number: 1 }), '17:00');
  await page.getByRole('button', { name: fr.availability.plan.save }).click();
  await expect(page.getByText(fr.availability.plan.saved)).toBeVisible();
  expect((await harness.ok('availability.get', { owner: { userId: salma.id } })).plan).toMatchObject([{ weekday: 4, starts: '17:00', ends: '18:00', kind: 'work' }]);
});

/** Everything the screens show: an interpreter, a psychologist's week with a break, her leave and a public holiday. */
async function seedTeam(harness: Harness) {
  const salma = await seedPsychologist(harness);
  const places = await harness.ok('places.list', {});
  const [desk, hospital] = [places.find((p) => p.name === DESK)?.id ?? 0, places.find((p) => p.name === HOSPITAL)?.id ?? 0];
  const interpreter = await harness.ok('interpreters.save', { name: 'Aminata Diallo', kind: 'mediator', languages: ['bm', 'wo', 'fr'], phone: '+212 6 12 34 56 78' });
  await harness.ok('availability.setLanguages', { userId: salma.id, languages: ['ary', 'fr'] });
  const week = ([1, 2, 3] as const).flatMap((weekday) => [
    { weekday, placeId: weekday === 3 ? hospital : desk, starts: '09:00', ends: '17:00', kind: 'work' as const },
    { weekday, starts: '12:30', ends: '13:30', kind: 'break' as const },
  ]);
  await harness.ok('availability.setPlan', { owner: { userId: salma.id }, plan: week });
  await harness.ok('availability.addException', { owner: { userId: salma.id }, day: LEAVE_DAY, kind: 'leave', note: 'Formation' });
  await harness.ok('availability.addException', { owner: { userId: salma.id }, day: '2027-06-17', kind: 'differentHours', placeId: hospital, starts: '10:00', ends: '14:00' });
  await harness.ok('availability.addException', { day: '2027-07-30', kind: 'publicHoliday', note: 'Fête du Trône' });
  return { salma, interpreter };
}

async function look(page: Page, name: string, lang: Language): Promise<void> {
  await closeToasts(page);
  await screenshot(page, name);
  if (lang !== 'en') await expectAccessible(page, `${name} (${lang})`);
}

for (const lang of ['fr', 'ar'] as const) {
  test(`every setup screen, in ${lang}`, async ({ page, harness }) => {
    test.setTimeout(120_000);
    const t = T[lang];
    await harness.seedAdmin(lang);
    const { salma } = await seedTeam(harness);
    await harness.open();
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');

    await go(page, lang, 'places');
    await expect(page.getByTestId('place-row')).toHaveCount(2);
    await look(page, 'listening-places', lang);
    await page.getByRole('link', { name: say(t.places.editPlace, { name: DESK }) }).click();
    await expect(page.getByTestId('opening-hours')).toBeVisible();
    await look(page, 'listening-place', lang);
    await page.getByTestId('opening-hours').scrollIntoViewIfNeeded();
    await look(page, 'listening-place-hours', lang);

    await go(page, lang, 'sessionKinds');
    await expect(page.getByTestId('session-kind-row')).toHaveCount(4);
    await look(page, 'listening-session-kinds', lang);
    await page.getByRole('button', { name: t.sessionKinds.create }).click();
    await expect(page.getByRole('dialog', { name: t.sessionKinds.form.createTitle })).toBeVisible();
    await look(page, 'listening-session-kind-form', lang);
    await page.keyboard.press('Escape');

    await go(page, lang, 'interpreters');
    await expect(page.getByTestId('interpreter-row')).toHaveCount(1);
    await look(page, 'listening-interpreters', lang);
    await page.getByRole('button', { name: say(t.interpreters.editOne, { name: 'Aminata Diallo' }) }).click();
    await expect(page.getByRole('dialog', { name: t.interpreters.form.editTitle })).toBeVisible();
    await look(page, 'listening-interpreter-form', lang);
    await page.keyboard.press('Escape');

    await go(page, lang, 'teamHours');
    await expect(page.getByTestId('team-row')).toHaveCount(2);
    await look(page, 'listening-team-hours', lang);
    await page.getByRole('link', { name: say(t.availability.team.openFor, { name: salma.displayName }) }).click();
    await expect(page.getByTestId('exception-row')).toHaveCount(3);
    await look(page, 'listening-availability', lang);
    await page.getByTestId('exceptions-table').scrollIntoViewIfNeeded();
    await look(page, 'listening-availability-exceptions', lang);
  });
}

for (const lang of ['fr', 'ar', 'en'] as const) {
  test(`a psychologist's own hours, in ${lang}`, async ({ page, harness }) => {
    const t = T[lang];
    await harness.seedAdmin();
    const { salma } = await seedTeam(harness);
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: salma.login, password: salma.password });
    await harness.ok('account.setLanguage', { language: lang });
    await harness.open();
    await go(page, lang, 'myHours');
    await expect(page.getByRole('heading', { level: 1, name: t.availability.mine.title })).toBeVisible();
    await expect(page.getByTestId('exception-row')).toHaveCount(3);
    // The public holiday is everyone's: she sees it, only administrators take it away.
    await expect(page.getByTestId('exception-row').and(page.locator('[data-kind="publicHoliday"]')).getByRole('button')).toHaveCount(0);
    await look(page, 'listening-my-hours', lang);
    await page.getByTestId('exception-form').scrollIntoViewIfNeeded();
    await look(page, 'listening-my-hours-exceptions', lang);
  });
}

test('an administrator closes a place for a day, which every plan shows', async ({ page, harness }) => {
  await harness.seedAdmin();
  const salma = await seedPsychologist(harness);
  await harness.open();
  await go(page, 'fr', 'teamHours');
  await page.getByRole('link', { name: say(fr.availability.team.openFor, { name: salma.displayName }) }).click();
  await page.getByRole('textbox', { name: fr.availability.exceptions.day }).fill('02/11/2027');
  await page.getByRole('combobox', { name: fr.availability.exceptions.kind }).click();
  await page.getByRole('option', { name: fr.availability.exceptionKinds.placeClosed }).click();
  await page.getByRole('button', { name: fr.availability.exceptions.add, exact: true }).click();
  // Which place is closed must be said.
  await expect(page.getByRole('combobox', { name: fr.availability.exceptions.place })).toBeFocused();
  await expect(page.getByText(fr.fields.required)).toBeVisible();
  await page.getByRole('combobox', { name: fr.availability.exceptions.place }).click();
  await page.getByRole('option', { name: HOSPITAL }).click();
  await page.getByRole('button', { name: fr.availability.exceptions.add, exact: true }).click();
  await expect(page.getByText(fr.availability.exceptions.added)).toBeVisible();
  await expect(page.getByTestId('exception-row')).toContainText(HOSPITAL);
  expect((await harness.ok('availability.get', { owner: { userId: salma.id } })).exceptions).toMatchObject([
    { userId: null, interpreterId: null, day: '2027-11-02', kind: 'placeClosed' },
  ]);
  expect(harness.desk.currentUser?.login).toBe(ADMIN.login);
});
