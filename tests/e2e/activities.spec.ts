import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../shared/domain/accounts';
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { expect, expectAccessible, test, type Harness } from './fixtures';
import { fill, nav, shot, T } from './listening-unit';

/**
 * Workshops and events (issue 10, §1 and §7) over the real router: a Darija course made by
 * the keyboard with weekly sessions, one moved, two visitors enrolled, the roll call by the
 * keyboard in a tablet-sized window, an event with headcounts and a visitor, her profile's
 * timeline. The desk's clock and the page's are Monday 30 November 2026, 09:00 in Nador.
 */
const NOW = new Date('2026-11-30T08:00:00.000Z');
const CONSENTS = { dataProcessing: true, referrals: false, phoneContact: false, reporting: true };

test.use({ viewport: { width: 1280, height: 720 } });

async function desk(harness: Harness, language: Language) {
  harness.setDeskClock(NOW);
  await harness.seedAdmin(language);
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], language);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const rose = await harness.ok('visitors.register', { fields: { firstName: 'Rose', lastName: 'Kamara', sex: 'female', birthYear: 1990, nationality: 'CM' }, consents: CONSENTS });
  const hawa = await harness.ok('visitors.register', { fields: { firstName: 'Hawa', lastName: 'Diallo', sex: 'female', birthYear: 1995, nationality: 'GN' }, consents: CONSENTS });
  return { fatima, rose, hawa };
}

async function openAt(page: Page, harness: Harness, hash: string): Promise<void> {
  await page.clock.install({ time: NOW });
  await harness.open();
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}

/** Another page of the app already open: the hash changes, the app (and the page's clock) stay. */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}

async function typeInto(page: Page, locator: Locator, text: string) {
  await locator.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('a Darija course made by the keyboard, one session moved, two visitors enrolled, the roll call by the keyboard, an event with headcounts, and her timeline', async ({ page, harness }) => {
  // The whole of a workshop's life in one walk: about a minute on a quiet machine.
  test.setTimeout(180_000);
  const { rose, hawa } = await desk(harness, 'fr');
  await openAt(page, harness, '#/activities');
  await expect(page.getByRole('heading', { level: 1, name: fr.activities.title })).toBeVisible();
  await expect(page.getByTestId('activities-empty')).toBeVisible();
  await shot(page, 'activities-empty');

  // ── The course, by the keyboard.
  await page.getByRole('button', { name: fr.activities.create }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: fr.activities.form.createTitle });
  await expect(dialog.getByRole('combobox', { name: fr.activities.form.kind })).toHaveValue(fr.activities.kinds.darija);
  await typeInto(page, dialog.getByRole('textbox', { name: fr.activities.form.title }), 'Darija débutantes');
  await typeInto(page, dialog.getByRole('textbox', { name: fr.activities.form.facilitator }), 'Naima Benjelloun');
  const capacity = dialog.getByRole('textbox', { name: fr.activities.form.capacity });
  await typeInto(page, capacity, '0');
  await typeInto(page, dialog.getByTestId('booking-day'), '01/12/2026');
  await page.keyboard.press('Tab');
  await dialog.getByRole('spinbutton', { name: fr.appointments.book.hours }).focus();
  await page.keyboard.type('10');
  await dialog.getByRole('spinbutton', { name: fr.appointments.book.minutes }).focus();
  await page.keyboard.type('00');
  await typeInto(page, dialog.getByRole('textbox', { name: fr.activities.form.occurrences }), '4');
  await dialog.getByRole('button', { name: fr.activities.form.create }).focus();
  await page.keyboard.press('Enter');
  // A capacity of zero: said on the field, which gets the focus.
  await expect(capacity).toBeFocused();
  await expect(dialog.getByText(fr.fields.activities.capacityPositive)).toBeVisible();
  await shot(page, 'activity-form-capacity');
  await expectAccessible(page, 'activity form, capacity refused');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('12');
  await dialog.getByRole('button', { name: fr.activities.form.create }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Darija débutantes' })).toBeVisible();
  const sessions = page.getByTestId('session-row');
  await expect(sessions).toHaveCount(4);
  await expect(sessions.first()).toContainText('10:00 – 11:30');
  await shot(page, 'activity');
  await expectAccessible(page, 'activity');

  // ── One session moved: the others stay.
  await sessions.nth(1).getByRole('button', { name: new RegExp(fr.activities.sessions.move) }).click();
  const move = page.getByRole('dialog', { name: fr.activities.sessions.moveTitle });
  await move.getByRole('spinbutton', { name: fr.appointments.book.hours }).focus();
  await page.keyboard.type('14');
  await typeInto(page, move.getByRole('textbox', { name: fr.activities.sessions.moveReason }), 'Salle prise ce mardi-là');
  await shot(page, 'activity-move');
  await expectAccessible(page, 'moving a session');
  await move.getByRole('button', { name: fr.activities.sessions.move }).click();
  await expect(move).toHaveCount(0);
  await expect(sessions.nth(1)).toContainText('14:00 – 15:30');
  await expect(sessions.nth(1)).toContainText(fr.activities.sessions.moved);
  for (const i of [0, 2, 3]) await expect(sessions.nth(i)).toContainText('10:00 – 11:30');

  // ── Two visitors enrolled, found by search.
  const picker = page.getByTestId('enrol-form').getByRole('combobox', { name: fr.activities.enrolments.visitor });
  for (const [visitor, name] of [
    [rose, 'Rose'],
    [hawa, 'Hawa'],
  ] as const) {
    await picker.focus();
    await page.keyboard.type(name);
    await expect(page.getByRole('option', { name: new RegExp(visitor.code) })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: fr.activities.enrolments.enrol, exact: true }).click();
    await expect(page.getByTestId('enrolment-row').filter({ hasText: visitor.code })).toBeVisible();
  }
  await expect(page.getByTestId('activity-facts')).toContainText(fill(fr.activities.enrolledOf, { enrolled: 2, capacity: 12 }));
  await shot(page, 'activity-enrolled');

  // ── The roll call of the first session, in a tablet-sized window, by the keyboard.
  await page.setViewportSize({ width: 1024, height: 768 });
  await sessions.first().getByRole('link', { name: new RegExp(fr.activities.sessions.rollCall) }).click();
  const rows = page.getByTestId('roll-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toBeFocused();
  await expect(rows.first().getByTestId('roll-state')).toHaveText(fr.activities.roll.notMarked);
  await page.keyboard.press('p');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowUp');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('a');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('1');
  await expect(rows.first().getByTestId('roll-state')).toHaveText(fr.activities.attendance.present);
  await expect(rows.nth(1).getByTestId('roll-state')).toHaveText(fr.activities.attendance.excused);
  await shot(page, 'roll-call');
  await expectAccessible(page, 'roll call');
  await page.getByTestId('roll-save').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(fill(fr.activities.roll.saved, { count: 2 }))).toBeVisible();
  const [course] = await harness.ok('activities.list', {});
  const roll = await harness.ok('activities.rollCall', { sessionId: (await harness.ok('activities.get', { id: course.id })).sessions[0].id });
  expect(roll.rows.map((r) => [r.visitorId, r.status])).toEqual([
    [rose.id, 'present'],
    [hawa.id, 'excused'],
  ]);
  await page.setViewportSize({ width: 1280, height: 720 });

  // ── An event with headcounts and a registered visitor: the total as typed, and in the list.
  await nav(page, fr).getByRole('link', { name: fr.nav.events }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.events.title })).toBeVisible();
  await page.getByRole('button', { name: fr.events.create }).click();
  const event = page.getByRole('dialog', { name: fr.events.form.createTitle });
  await typeInto(page, event.getByRole('textbox', { name: fr.events.form.title }), 'Journée multi-acteurs santé des femmes');
  await typeInto(page, event.getByRole('textbox', { name: fr.events.form.day }), '10/12/2026');
  await page.keyboard.press('Tab');
  await expect(event.getByRole('textbox', { name: fr.events.form.day })).toHaveValue('10 déc. 2026');
  await typeInto(page, event.getByRole('textbox', { name: fr.events.form.location }), 'Salle municipale, Nador');
  for (const [category, count] of [
    ['associations', '12'],
    ['publicInstitutions', '5'],
    ['migrantCommunities', '30'],
    ['academics', '3'],
  ] as const) {
    const field = event.getByRole('textbox', { name: fr.events.categories[category] });
    await typeInto(page, field, count);
    await expect(field).toHaveValue(count);
  }
  await expect(event.getByTestId('event-form-total')).toHaveText(fill(fr.events.form.total, { count: 50 }));
  const participants = event.getByRole('combobox', { name: fr.events.form.participants });
  await participants.click();
  await page.keyboard.type('Rose');
  await expect(participants).toHaveValue('Rose');
  await expect(page.getByRole('option', { name: new RegExp(rose.code) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(event.getByTestId('event-participants')).toContainText(rose.code);
  await expect(event.getByTestId('event-form-total')).toHaveText(fill(fr.events.form.total, { count: 51 }));
  await shot(page, 'event-form');
  await expectAccessible(page, 'event form');
  await event.getByRole('button', { name: fr.events.form.create }).click();
  await expect(event).toHaveCount(0);
  await expect(page.getByTestId('event-row')).toContainText(fill(fr.events.totalOf, { count: 51, visitors: 1 }));
  await shot(page, 'events');
  await expectAccessible(page, 'events');

  // ── Her profile's timeline: the enrolment and the session she attended.
  await go(page, `#/visitors/${rose.id}`);
  await page.getByRole('tab', { name: fr.profile.tabs.timeline }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText(fill(fr.timeline.enrolled, { title: 'Darija débutantes' }));
  await expect(timeline).toContainText(fill(fr.timeline.attended, { title: 'Darija débutantes' }));
  await expect(timeline).toContainText(fr.activities.attendance.present);
  await timeline.getByText(fill(fr.timeline.attended, { title: 'Darija débutantes' })).scrollIntoViewIfNeeded();
  await shot(page, 'timeline-activities');
});

/** The same screens, filled through the router, in Arabic (the whole layout mirrored) and English. */
for (const lang of ['ar', 'en'] as const) {
  test(`the workshops' screens in ${lang}`, async ({ page, harness }) => {
    const t = T[lang];
    const { rose, hawa } = await desk(harness, lang);
    const [place] = await harness.ok('places.list', {});
    const [darija] = await harness.ok('activities.kinds', {});
    const course = await harness.ok('activities.create', {
      kindId: darija.id,
      title: lang === 'ar' ? 'دارجة للمبتدئات' : 'Darija for beginners',
      facilitator: 'Naima Benjelloun',
      placeId: place.id,
      capacity: 12,
      sessions: { startsAt: '2026-12-01T10:00', minutes: 90, repeat: { rule: 'weekly', count: 4 } },
    });
    await harness.ok('activities.moveSession', { id: course.sessions[1].id, startsAt: '2026-12-08T14:00', minutes: 90, reason: '—' });
    for (const visitor of [rose, hawa]) await harness.ok('activities.enrol', { activityId: course.id, visitorId: visitor.id });
    await harness.ok('activities.saveRollCall', { sessionId: course.sessions[0].id, marks: [{ visitorId: rose.id, status: 'present' }] });
    await harness.ok('events.create', {
      kind: 'seminar',
      title: lang === 'ar' ? 'ندوة حول صحة الأم' : 'Seminar on maternal health',
      day: '2026-12-10',
      location: 'Nador',
      headcounts: { associations: 4, academics: 6 },
      participantIds: [hawa.id],
    });
    const look = async (name: string) => {
      await shot(page, name);
      if (lang === 'ar') await expectAccessible(page, `${name} in ${lang}`);
    };

    await openAt(page, harness, '#/activities');
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByTestId('activity-row')).toHaveCount(1);
    await look('activities');
    await page.getByRole('link', { name: course.title }).click();
    await expect(page.getByTestId('session-row')).toHaveCount(4);
    await expect(page.getByTestId('session-row').nth(1)).toContainText(t.activities.sessions.moved);
    await look('activity');
    if (lang === 'ar') {
      await page.getByTestId('session-row').nth(2).getByRole('button', { name: new RegExp(t.activities.sessions.cancelShort) }).click();
      await expect(page.getByRole('dialog', { name: t.activities.sessions.cancelTitle })).toBeVisible();
      await look('activity-cancel-session');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: t.activities.edit }).click();
      await expect(page.getByRole('dialog', { name: t.activities.form.editTitle })).toBeVisible();
      await look('activity-form');
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('session-row').first().getByRole('link', { name: new RegExp(t.activities.sessions.rollCall) }).click();
    await expect(page.getByTestId('roll-row')).toHaveCount(2);
    await expect(page.getByTestId('roll-row').first().getByTestId('roll-state')).toHaveText(t.activities.attendance.present);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('a');
    await expect(page.getByTestId('roll-row').nth(1).getByTestId('roll-state')).toHaveText(t.activities.attendance.absent);
    await look('roll-call');
    await page.setViewportSize({ width: 1280, height: 720 });

    await nav(page, t).getByRole('link', { name: t.nav.events }).click();
    await expect(page.getByTestId('event-row')).toContainText(fill(t.events.totalOf, { count: 11, visitors: 1 }));
    await look('events');
    if (lang === 'ar') {
      await page.getByRole('button', { name: new RegExp(t.events.edit) }).click();
      await expect(page.getByRole('dialog', { name: t.events.form.editTitle })).toBeVisible();
      await look('event-form');
      await page.keyboard.press('Escape');
      await go(page, `#/visitors/${rose.id}`);
      await page.getByRole('tab', { name: t.profile.tabs.timeline }).click();
      await expect(page.getByTestId('timeline')).toContainText(t.activities.attendance.present);
      await look('timeline-activities');
    }
  });
}

test('the workshop kinds, for an administrator, in French and Arabic', async ({ page, harness }) => {
  harness.setDeskClock(NOW);
  await harness.seedAdmin('fr');
  await harness.ok('activities.saveKind', { name: 'Couture' });
  await page.clock.install({ time: NOW });
  for (const lang of ['fr', 'ar'] as const) {
    const t = T[lang];
    await harness.ok('account.setLanguage', { language: lang });
    await harness.open();
    await go(page, '#/activity-kinds');
    await expect(page.getByRole('heading', { level: 1, name: t.activities.kindsPage.title })).toBeVisible();
    await expect(page.getByTestId('activity-kind-row')).toHaveText([t.activities.kinds.darija, t.activities.kinds.coaching, t.activities.kinds.healthInfo, t.activities.kinds.other, 'Couture'].map((k) => new RegExp(k)));
    await shot(page, 'activity-kinds');
    await expectAccessible(page, `activity kinds in ${lang}`);
  }
});
