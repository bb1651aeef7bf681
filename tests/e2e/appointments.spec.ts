import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { ADMIN, expect, expectAccessible, test } from './fixtures';
import { book, fill, listeningUnitAt, nav, shot, T } from './listening-unit';

/**
 * The listening unit's schedule (issue 8, §2 and §3) over the real router: booking with the
 * keyboard through the slot finder, a clash, the day and week views in French and Arabic,
 * arrivals, sessions done and no-shows, the printed card. The desk's clock and the page's
 * are set to Monday 7 December 2026, 08:50 in Nador (07:50 UTC), so nothing depends on the
 * day the suite runs. A winter day on purpose: Debian's Chromium (system ICU) has Casablanca
 * at UTC+0 from late 2026 on while Node keeps UTC+1, and the screens show main's wall-clock
 * times and today as they are, never converting an instant with the browser's zone data
 * (schedule-clock.spec.ts crosses the Ramadan changes).
 */
const { unit, openApp } = listeningUnitAt(new Date('2026-12-07T07:50:00.000Z'));

test.use({ viewport: { width: 1280, height: 720 } });

test('books a session with the keyboard alone through the slot finder, with an interpreter, and is told in plain words when the slot was taken meanwhile', async ({ page, harness }) => {
  const u = await unit(harness, 'fr');
  await openApp(page, harness, `#/visitors/${u.aissatou.id}`);

  // From her profile, by the keyboard: the booking opens with her interpreter language already there.
  const open = page.getByRole('button', { name: fr.appointments.book.fromProfile });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: fr.appointments.book.title })).toBeVisible();
  const form = page.getByTestId('booking-form');
  await expect(form.getByRole('combobox', { name: fr.appointments.book.interpreterLanguage })).toHaveValue(fr.spokenLanguages.ff);
  await expect(form.getByText(fr.appointments.book.interpreterFromProfile)).toBeVisible();

  // The slot finder: Enter looks, the focus is on the first slot, the arrows walk, Enter takes one.
  const find = page.getByRole('button', { name: fr.appointments.slots.find });
  await find.focus();
  await page.keyboard.press('Enter');
  const slots = page.getByTestId('slot');
  await expect(slots.first()).toBeFocused();
  await expect(slots.first()).toContainText('09:00–10:00');
  await expect(slots.first()).toContainText('Mariama Diallo');
  await page.keyboard.press('ArrowDown');
  await expect(slots.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(slots.first()).toHaveAttribute('aria-pressed', 'true');
  const submit = form.getByRole('button', { name: fr.appointments.book.submit });
  await expect(submit).toBeFocused();
  await expect(form.getByRole('combobox', { name: fr.appointments.book.interpreter })).toHaveValue('Mariama Diallo');
  await shot(page, 'booking');
  await expectAccessible(page, 'booking');

  // Meanwhile, someone else books that psychologist, that interpreter and that room at that very time.
  const chosen = await form.getByRole('combobox', { name: fr.appointments.book.psychologist }).inputValue();
  const taken = chosen === u.salma.displayName ? u.salma : u.nadia;
  await book(harness, u, u.grace.id, taken, '2026-12-07T09:00', { interpreterId: u.interpreterId, interpreterLanguage: 'ff' });

  await page.keyboard.press('Enter');
  const refusal = page.getByTestId('booking-refusal');
  await expect(refusal.getByRole('alert')).toHaveText(
    fill(fr.appointments.clash.message, { day: '7 déc. 2026', what: [fr.scheduling.clashKinds.psychologist, fr.scheduling.clashKinds.interpreter, fr.scheduling.clashKinds.room].join(fr.common.listSeparator) }),
  );
  await expect(refusal).toBeFocused();
  // Nothing lost: what she chose is still there.
  await expect(form.getByRole('combobox', { name: fr.appointments.book.interpreterLanguage })).toHaveValue(fr.spokenLanguages.ff);
  await expect(form.getByRole('combobox', { name: fr.appointments.book.visitor })).toHaveValue(new RegExp(u.aissatou.code));
  await shot(page, 'booking-clash');
  await expectAccessible(page, 'booking clash');

  // Another slot, again by the keyboard: booked, and her appointment opens.
  await find.focus();
  await page.keyboard.press('Enter');
  await expect(slots.first()).toBeFocused();
  await expect(slots.first()).not.toContainText(`09:00–10:00${taken.displayName}`);
  await page.keyboard.press('Enter');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(fill(fr.appointments.detail.title, { day: '7 déc. 2026' })) })).toBeVisible();
  await expect(page.getByText(`${fr.spokenLanguages.ff} · Mariama Diallo`)).toBeVisible();
  const mine = await harness.ok('appointments.ofVisitor', { visitorId: u.aissatou.id });
  expect(mine.map((a) => [a.status, a.interpreterName, a.interpreterLanguage])).toEqual([['scheduled', 'Mariama Diallo', 'ff']]);
});

for (const lang of ['fr', 'ar', 'en'] as const) {
  test(`the day and the week, one column per psychologist or per room, read in ${lang}`, async ({ page, harness }) => {
    const t = T[lang];
    const u = await unit(harness, lang);
    const first = await book(harness, u, u.aissatou.id, u.salma, '2026-12-07T10:00', { interpreterLanguage: 'ff', interpreterId: u.interpreterId });
    await book(harness, u, u.grace.id, u.nadia, '2026-12-07T10:00');
    await book(harness, u, u.grace.id, u.salma, '2026-12-09T14:00');
    await harness.ok('appointments.setStatus', { id: first.id, status: 'arrived' });
    await openApp(page, harness, '#/');
    await nav(page, t).getByRole('link', { name: t.nav.schedule }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.appointments.schedule.title })).toBeVisible();

    // One column per psychologist; the status is written on each appointment, not only coloured.
    const calendar = page.getByTestId('schedule-calendar');
    await expect(calendar.getByText(u.salma.displayName)).toBeVisible();
    await expect(calendar.getByText(u.nadia.displayName)).toBeVisible();
    const events = calendar.locator('.rbc-event');
    await expect(events).toHaveCount(2);
    await expect(events.filter({ hasText: u.aissatou.code })).toContainText(t.appointments.statuses.arrived);
    await expect(events.filter({ hasText: u.grace.code })).toContainText(t.appointments.statuses.scheduled);
    await expect(page.getByTestId('schedule-list').getByTestId('appointment-row')).toHaveCount(2);
    if (lang === 'ar') {
      // Mirrored: the time gutter on the right, the first column beside it.
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(calendar.locator('.rbc-rtl')).toHaveCount(1);
      const gutter = await calendar.locator('.rbc-time-gutter').boundingBox();
      const column = await calendar.locator('.rbc-day-slot').first().boundingBox();
      expect(gutter && column && gutter.x > column.x).toBe(true);
    }
    await shot(page, 'schedule-day');
    if (lang !== 'en') await expectAccessible(page, 'schedule day');

    // The keyboard reaches an appointment on the grid and Enter opens it.
    await events.filter({ hasText: u.aissatou.code }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/appointments/${first.id}$`));
    await page.goBack();

    // By room.
    await page.getByText(t.appointments.schedule.byRoom, { exact: true }).click();
    await expect(calendar.getByText('Salle 2')).toBeVisible();
    await expect(events).toHaveCount(2);
    await shot(page, 'schedule-rooms');

    // The week: Wednesday's appointment too.
    await page.getByText(t.appointments.schedule.byPsychologist, { exact: true }).click();
    await page.getByText(t.appointments.schedule.week, { exact: true }).click();
    await expect(events).toHaveCount(3);
    await expect(page.getByTestId('schedule-list').getByTestId('appointment-row')).toHaveCount(3);
    await shot(page, 'schedule-week');
    if (lang !== 'en') await expectAccessible(page, 'schedule week');
  });
}

test('the desk marks an arrival from today\'s list; the psychologist marks the session done and a no-show, sees the count and writes the note', async ({ page, harness }) => {
  const u = await unit(harness, 'fr');
  const kept = await book(harness, u, u.aissatou.id, u.salma, '2026-12-07T10:00');
  const missed = await book(harness, u, u.grace.id, u.salma, '2026-12-07T11:00');
  await openApp(page, harness, '#/today');
  const list = page.getByTestId('today-list');
  await expect(list.getByTestId('appointment-row')).toHaveCount(2);
  await shot(page, 'today');
  await expectAccessible(page, 'today');

  // The keyboard: the arrival button of her row, Enter.
  const arrived = list.getByRole('button', { name: fill(fr.appointments.actionsFor.arrived, { visitor: kept.visitorLabel }) });
  await arrived.focus();
  await page.keyboard.press('Enter');
  await expect(list.getByTestId('appointment-row').filter({ hasText: kept.visitorLabel }).getByTestId('appointment-status')).toHaveText(fr.appointments.statuses.arrived);

  // The psychologist's own day.
  await page.keyboard.press('Control+KeyL');
  await page.getByRole('button', { name: fr.lock.switchUser }).click();
  await page.getByLabel(fr.login.login, { exact: true }).fill(u.salma.login);
  await page.getByLabel(fr.login.password, { exact: true }).fill(u.salma.password);
  await page.getByRole('button', { name: fr.login.submit }).click();
  await expect(page.getByTestId('home-today').getByTestId('appointment-row')).toHaveCount(2);
  await nav(page, fr).getByRole('link', { name: fr.nav.myDay }).click();
  const day = page.getByTestId('my-day-list');
  await day.getByRole('button', { name: fill(fr.appointments.actionsFor.done, { visitor: kept.visitorLabel }) }).click();
  await expect(day.getByTestId('appointment-row').filter({ hasText: kept.visitorLabel }).getByTestId('appointment-status')).toHaveText(fr.appointments.statuses.done);
  await day.getByRole('button', { name: fill(fr.appointments.actionsFor.noShow, { visitor: missed.visitorLabel }) }).click();
  await expect(day.getByTestId('appointment-row').filter({ hasText: missed.visitorLabel }).getByTestId('appointment-status')).toHaveText(fr.appointments.statuses.noShow);
  await shot(page, 'my-day');
  await expectAccessible(page, 'my day');

  // Her detail: the history, the no-show count (no penalty), and the note to write.
  await day.getByRole('link', { name: kept.visitorLabel }).click();
  await expect(page.getByTestId('appointment-history')).toContainText(`${fr.appointments.statuses.arrived} → ${fr.appointments.statuses.done}`);
  await expect(page.getByRole('link', { name: fr.appointments.detail.writeNote })).toHaveAttribute('href', `#/notes/new?appointment=${kept.id}`);
  await shot(page, 'appointment-done');
  await expectAccessible(page, 'appointment detail');
  await page.goBack();
  await day.getByRole('link', { name: missed.visitorLabel }).click();
  await expect(page.getByText(fill(fr.appointments.detail.noShowCount_one, { count: 1 }))).toBeVisible();
  await expect(page.getByRole('link', { name: fr.appointments.detail.writeNote })).toHaveCount(0);
  expect((await harness.ok('appointments.get', { id: missed.id })).history.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
    ['created', null, 'scheduled'],
    ['status', 'scheduled', 'noShow'],
  ]);
});

for (const lang of ['fr', 'ar'] as const) {
  test(`a discreet appointment card is printed in the visitor's language, with the desk in ${lang}`, async ({ page, harness }) => {
    const t = T[lang];
    const u = await unit(harness, lang);
    const booked = await book(harness, u, u.aissatou.id, u.salma, '2026-12-08T10:00');
    await openApp(page, harness, `#/appointments/${booked.id}`);
    await page.evaluate(() => {
      const w = globalThis as unknown as { print: () => void; __printed: number; dispatchEvent(event: unknown): void };
      w.__printed = 0;
      w.print = () => {
        w.__printed += 1;
        w.dispatchEvent(new Event('afterprint'));
      };
    });
    await shot(page, 'appointment');
    await expectAccessible(page, 'appointment');
    await page.getByRole('button', { name: t.appointments.card.open }).click();
    const dialog = page.getByRole('dialog', { name: t.appointments.card.previewTitle });
    const card = dialog.getByTestId('card-preview');
    await expect(card).toContainText(u.aissatou.code);
    await expect(card).toContainText(ADMIN.organisationName);
    await expect(card).toContainText('12 rue Al Massira, Nador');
    await expect(card).toContainText('10:00');
    await expect(card).toHaveAttribute('lang', 'fr');

    // For a visitor who reads Arabic, whatever the desk's language.
    await dialog.getByRole('combobox', { name: t.appointments.card.language }).click();
    await page.getByRole('option', { name: t.languageNames.ar }).click();
    await expect(card).toHaveAttribute('lang', 'ar');
    await expect(card).toHaveAttribute('dir', 'rtl');
    await expect(card).toContainText(ar.appointmentCard.title);
    // Discreet: nothing of psychology, listening, support or violence, in any language.
    const words = (await card.innerText()).toLowerCase();
    for (const word of ['psych', 'écoute', 'ecoute', 'listening', 'soutien', 'support', 'violence', 'نفس', 'إصغاء', 'عنف', 'دعم']) expect(words).not.toContain(word);
    await shot(page, 'appointment-card');
    await expectAccessible(page, 'appointment card');
    await expect(page.locator('.guichet-print-only .guichet-card')).toHaveAttribute('lang', 'ar');
    await dialog.getByRole('button', { name: t.appointments.card.print }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);

    // Viewing the card in each language is a read; only the print, once the dialog closed, is recorded as printed.
    // The print's entry is written by the page's own call: wait for it in the desk's log before the session changes.
    const { db } = harness.desk.requireSession();
    await expect.poll(() => db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'appointments.cardPrinted'`).get()).toEqual({ n: 1 });
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
    const entries = async (action: string) => (await harness.ok('audit.list', { action, limit: 10 })).entries.map((e) => [e.userLogin, e.entityId, e.detail]).reverse();
    expect(await entries('appointments.card')).toEqual([
      [u.fatima.login, String(booked.id), 'fr'],
      [u.fatima.login, String(booked.id), 'ar'],
    ]);
    expect(await entries('appointments.cardPrinted')).toEqual([[u.fatima.login, String(booked.id), 'ar']]);
  });
}

for (const lang of ['fr', 'ar'] as const) {
  test(`tomorrow's calls list only those who agreed to be called; a disabled psychologist's appointments wait to be reassigned (${lang})`, async ({ page, harness }) => {
    const t = T[lang];
    const u = await unit(harness, lang);
    await book(harness, u, u.aissatou.id, u.salma, '2026-12-08T10:00');
    await book(harness, u, u.grace.id, u.nadia, '2026-12-08T11:00');
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
    await harness.ok('users.disable', { id: u.nadia.id });
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: u.fatima.login, password: u.fatima.password });
    await openApp(page, harness, '#/calls');
    const calls = page.getByTestId('calls-list');
    await expect(calls.getByTestId('appointment-row')).toHaveCount(1);
    await expect(calls).toContainText(u.aissatou.code);
    await expect(calls).not.toContainText(u.grace.code);
    await shot(page, 'calls');
    await expectAccessible(page, 'calls');

    await nav(page, t).getByRole('link', { name: t.nav.reassign }).click();
    const reassign = page.getByTestId('reassign-list');
    await expect(reassign.getByTestId('appointment-row')).toHaveCount(1);
    await expect(reassign).toContainText(u.nadia.displayName);
    await shot(page, 'reassign');
    await expectAccessible(page, 'reassign');

    // Her profile's timeline: the appointment, its place and status, nothing more.
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/visitors/${id}?tab=timeline`;
    }, u.aissatou.id);
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText(t.appointments.statuses.scheduled);
    await shot(page, 'visitor-timeline');
  });
}

test('the booking form, the desk\'s today and a psychologist\'s day read in Arabic, mirrored', async ({ page, harness }) => {
  const u = await unit(harness, 'ar');
  await book(harness, u, u.grace.id, u.salma, '2026-12-07T11:00');
  await openApp(page, harness, `#/appointments/new?visitor=${u.aissatou.id}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('booking-form').getByRole('combobox', { name: ar.appointments.book.interpreterLanguage })).toHaveValue(ar.spokenLanguages.ff);
  await page.getByRole('button', { name: ar.appointments.slots.find }).click();
  await expect(page.getByTestId('slot').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await shot(page, 'booking');
  await expectAccessible(page, 'booking');

  await nav(page, ar).getByRole('link', { name: ar.nav.today }).click();
  await expect(page.getByTestId('today-list').getByTestId('appointment-row')).toHaveCount(1);
  await shot(page, 'today');
  await expectAccessible(page, 'today');

  await page.keyboard.press('Control+KeyL');
  await page.getByRole('button', { name: ar.lock.switchUser }).click();
  await page.getByLabel(ar.login.login, { exact: true }).fill(u.salma.login);
  await page.getByLabel(ar.login.password, { exact: true }).fill(u.salma.password);
  await page.getByRole('button', { name: ar.login.submit }).click();
  await expect(page.getByTestId('home-today').getByTestId('appointment-row')).toHaveCount(1);
  await shot(page, 'home-today');
  await nav(page, ar).getByRole('link', { name: ar.nav.myDay }).click();
  await expect(page.getByTestId('my-day-list').getByTestId('appointment-row')).toHaveCount(1);
  await shot(page, 'my-day');
  await expectAccessible(page, 'my day');
});
