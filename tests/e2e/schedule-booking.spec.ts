import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { ADMIN, expect, expectAccessible, test } from './fixtures';
import { book, fill, listeningUnitAt, nav, shot, T } from './listening-unit';

/**
 * The schedule's missing pieces (issue 8 §2, §3, §6): booking from an empty slot of the grid
 * (the mouse, and the keyboard's "book at this time"), reassigning a disabled psychologist's
 * appointments, the slot finder after a clash, the status of narrow week events, and what an
 * administrator is offered. The desk's clock and the page's: Monday 6 July 2026, 08:50.
 */
const { unit, openApp } = listeningUnitAt(new Date('2026-07-06T07:50:00.000Z'));

test.use({ viewport: { width: 1280, height: 720 } });

for (const lang of ['fr', 'ar'] as const) {
  test(`an empty slot of a psychologist's column opens the booking with her, the place, the day and the time, by the mouse and by the keyboard (${lang})`, async ({ page, harness }) => {
    const t = T[lang];
    const u = await unit(harness, lang);
    await book(harness, u, u.grace.id, u.salma, '2026-07-06T11:00');
    await openApp(page, harness, '#/appointments');
    const calendar = page.getByTestId('schedule-calendar');
    await expect(calendar.locator('.rbc-event')).toHaveCount(1);
    await shot(page, 'schedule-book-at');
    await expectAccessible(page, 'schedule with book at a time');

    // The mouse: Nadia's column, 10:00 (the third hour from 08:00, its first quarter).
    const columns = calendar.locator('.rbc-time-content > .rbc-day-slot');
    await expect(columns).toHaveCount(2);
    const names = await calendar.locator('.rbc-row-resource .rbc-header').allInnerTexts();
    const nadia = names.findIndex((name) => name.includes(u.nadia.displayName));
    expect(nadia).toBeGreaterThanOrEqual(0);
    // The grid's events layer covers the slots: a real click at the slot's place, as a person makes it.
    const slot = await columns.nth(nadia).locator('.rbc-timeslot-group').nth(2).locator('.rbc-time-slot').first().boundingBox();
    if (!slot) throw new Error('no 10:00 slot on the grid');
    await page.mouse.click(slot.x + slot.width / 2, slot.y + slot.height / 2);
    await expect(page.getByRole('heading', { level: 1, name: t.appointments.book.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`psychologist=${u.nadia.id}`));
    const form = page.getByTestId('booking-form');
    await expect(form.getByRole('combobox', { name: t.appointments.book.psychologist })).toHaveValue(u.nadia.displayName);
    await expect(form.getByRole('combobox', { name: t.appointments.book.place })).toHaveValue(/.+/);
    await expect(form.getByTestId('booking-day')).toHaveValue(lang === 'fr' ? '6 juil. 2026' : /2026/);
    await expect(form.getByTestId('booking-time').locator('input').first()).toHaveValue('10');
    await shot(page, 'booking-from-schedule');
    await expectAccessible(page, 'booking from the schedule');

    // She chooses the visitor and books: the appointment is Nadia's, at 10:00 that day.
    await form.getByRole('combobox', { name: t.appointments.book.visitor }).fill(u.aissatou.code);
    await page.getByRole('option', { name: new RegExp(u.aissatou.code) }).click();
    await form.getByRole('button', { name: t.appointments.book.submit }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(fill(t.appointments.detail.title, { day: '.*' })) })).toBeVisible();
    const [booked] = await harness.ok('appointments.ofVisitor', { visitorId: u.aissatou.id });
    expect([booked.psychologistId, booked.placeId, booked.startsAt]).toEqual([u.nadia.id, u.placeId, '2026-07-06T09:00:00.000Z']);

    // The keyboard alone: the week, Wednesday, 14:30, Salma, "book at this time".
    await page.goBack();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: t.appointments.schedule.title })).toBeVisible();
    await page.getByText(t.appointments.schedule.week, { exact: true }).click();
    const bar = page.getByTestId('book-at-time');
    const day = bar.getByRole('combobox', { name: t.scheduleBooking.atTime.day });
    await day.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('14:30');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const column = bar.getByRole('combobox', { name: t.scheduleBooking.atTime.psychologist });
    await expect(column).toBeFocused();
    // The first column is chosen at first; Salma by the arrows.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox')).toBeVisible();
    // The columns are Nadia's and Salma's, in the schedule's order.
    if (nadia === 0) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(column).toHaveValue(u.salma.displayName);
    await page.keyboard.press('Tab');
    await expect(bar.getByRole('button', { name: t.scheduleBooking.atTime.book })).toBeFocused();
    await shot(page, 'schedule-week-book-at');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t.appointments.book.title })).toBeVisible();
    await expect(page).toHaveURL(/at=2026-07-08T14%3A30/);
    await expect(form.getByRole('combobox', { name: t.appointments.book.psychologist })).toHaveValue(u.salma.displayName);
    await expect(form.getByTestId('booking-time').locator('input').nth(1)).toHaveValue('30');
  });
}

for (const lang of ['fr', 'ar'] as const) {
  test(`a disabled psychologist's appointment goes to another psychologist from the reassignment list, by the keyboard: the clash check runs, the history keeps who it was with (${lang})`, async ({ page, harness }) => {
    const t = T[lang];
    const u = await unit(harness, lang);
    const hers = await book(harness, u, u.aissatou.id, u.nadia, '2026-07-07T10:00');
    // Salma is already busy at that time: moving there clashes.
    await book(harness, u, u.grace.id, u.salma, '2026-07-07T10:00');
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
    await harness.ok('users.disable', { id: u.nadia.id });
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: u.fatima.login, password: u.fatima.password });
    await openApp(page, harness, '#/');
    await nav(page, t).getByRole('link', { name: t.nav.reassign }).click();
    const list = page.getByTestId('reassign-list');
    await expect(list.getByTestId('appointment-row')).toHaveCount(1);
    await expect(list).toContainText(u.nadia.displayName);

    const move = list.getByRole('button', { name: fill(t.scheduleBooking.move.actionFor, { visitor: hers.visitorLabel }) });
    await move.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t.appointments.reschedule.title });
    const psychologist = dialog.getByRole('combobox', { name: t.appointments.reschedule.psychologist });
    await expect(psychologist).toHaveValue(fill(t.scheduleBooking.move.disabledPsychologist, { name: u.nadia.displayName }));
    // The reason has the focus; back to the psychologist, Salma by the keyboard.
    await page.keyboard.type(lang === 'fr' ? 'Nadia a quitté le service' : 'غادرت نادية الوحدة');
    await psychologist.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option', { name: u.salma.displayName })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(psychologist).toHaveValue(u.salma.displayName);
    await dialog.getByRole('button', { name: t.appointments.reschedule.confirm }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText(t.scheduling.clashKinds.psychologist);
    await shot(page, 'reassign-clash');
    await expectAccessible(page, 'reassign clash');

    // An hour later she is free.
    const hours = dialog.getByRole('spinbutton', { name: t.appointments.book.hours });
    await hours.focus();
    await page.keyboard.type('11');
    await dialog.getByRole('button', { name: t.appointments.reschedule.confirm }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('reassign-list-empty')).toBeVisible();
    await shot(page, 'reassign-done');

    const detail = await harness.ok('appointments.get', { id: hers.id });
    expect([detail.psychologistId, detail.startsAt]).toEqual([u.salma.id, '2026-07-07T10:00:00.000Z']);
    expect(detail.history.map((e) => [e.kind, e.oldPsychologistName])).toEqual([
      ['created', null],
      ['reassigned', u.nadia.displayName],
    ]);
    await openApp(page, harness, `#/appointments/${hers.id}`);
    await expect(page.getByTestId('appointment-history')).toContainText(u.nadia.displayName);
    await shot(page, 'reassigned-history');
  });
}

test('when the slot was taken meanwhile, the slot finder looks again by itself: the taken slot is gone, what she chose is still there, the refusal keeps the focus', async ({ page, harness }) => {
  const u = await unit(harness, 'fr');
  await openApp(page, harness, `#/appointments/new?visitor=${u.aissatou.id}`);
  const form = page.getByTestId('booking-form');
  await expect(form.getByRole('combobox', { name: fr.appointments.book.interpreterLanguage })).toHaveValue(fr.spokenLanguages.ff);
  await page.getByRole('button', { name: fr.appointments.slots.find }).click();
  const slots = page.getByTestId('slot');
  await expect(slots.first()).toBeFocused();
  const takenText = (await slots.first().textContent()) ?? '';
  expect(takenText).toContain('09:00–10:00');
  await page.keyboard.press('Enter');
  const chosen = await form.getByRole('combobox', { name: fr.appointments.book.psychologist }).inputValue();
  const taken = chosen === u.salma.displayName ? u.salma : u.nadia;
  await book(harness, u, u.grace.id, taken, '2026-07-06T09:00', { interpreterId: u.interpreterId, interpreterLanguage: 'ff' });

  await form.getByRole('button', { name: fr.appointments.book.submit }).click();
  const refusal = page.getByTestId('booking-refusal');
  await expect(refusal.getByRole('alert')).toContainText(fr.scheduling.clashKinds.psychologist);
  await expect(refusal).toBeFocused();
  // Without a new search: the list no longer offers the slot that was just taken.
  await expect(slots.filter({ hasText: takenText })).toHaveCount(0);
  await expect(slots.first()).not.toHaveAttribute('aria-pressed', 'true');
  await expect(refusal).toBeFocused();
  // What she chose stays: the visitor, the interpreter language, the psychologist, the day and time.
  await expect(form.getByRole('combobox', { name: fr.appointments.book.visitor })).toHaveValue(new RegExp(u.aissatou.code));
  await expect(form.getByRole('combobox', { name: fr.appointments.book.interpreterLanguage })).toHaveValue(fr.spokenLanguages.ff);
  await expect(form.getByRole('combobox', { name: fr.appointments.book.psychologist })).toHaveValue(chosen);
  await expect(form.getByTestId('booking-time').locator('input').first()).toHaveValue('09');
  await shot(page, 'booking-clash-refreshed');
  await expectAccessible(page, 'booking clash refreshed');
});

for (const lang of ['fr', 'ar'] as const) {
  test(`a narrow week column still shows each appointment's status: a mark of its own, its words in its name and tooltip (${lang})`, async ({ page, harness }) => {
    const t = T[lang];
    const u = await unit(harness, lang);
    const short = { minutes: 30 };
    const arrived = await book(harness, u, u.aissatou.id, u.salma, '2026-07-06T09:00', short);
    const done = await book(harness, u, u.grace.id, u.nadia, '2026-07-06T09:00', short);
    const missed = await book(harness, u, u.grace.id, u.salma, '2026-07-06T10:00', short);
    const cancelled = await book(harness, u, u.aissatou.id, u.nadia, '2026-07-06T11:00', short);
    await book(harness, u, u.aissatou.id, u.salma, '2026-07-07T09:00', short);
    await harness.ok('appointments.setStatus', { id: arrived.id, status: 'arrived' });
    await harness.ok('appointments.setStatus', { id: done.id, status: 'arrived' });
    await harness.ok('appointments.setStatus', { id: done.id, status: 'done' });
    await harness.ok('appointments.setStatus', { id: missed.id, status: 'noShow' });
    await harness.ok('appointments.setStatus', { id: cancelled.id, status: 'cancelled', cancelledBy: 'visitor', reason: 'Déménagement' });
    await openApp(page, harness, '#/appointments?view=week');
    const calendar = page.getByTestId('schedule-calendar');
    const events = calendar.locator('.rbc-event');
    await expect(events).toHaveCount(5);
    const expected: [number, string, string][] = [
      [arrived.id, 'arrived', t.appointments.statuses.arrived],
      [done.id, 'done', t.appointments.statuses.done],
      [missed.id, 'noShow', t.appointments.statuses.noShow],
      [cancelled.id, 'cancelled', t.appointments.statuses.cancelledLate],
    ];
    for (const [id, status, words] of expected) {
      const label = (await harness.ok('appointments.get', { id })).visitorLabel;
      const event = events.filter({ has: page.locator(`.guichet-event-marker-${status}`) }).filter({ hasText: label });
      await expect(event).toHaveCount(1);
      // Cut or not, the words are in the event's accessible name and in its tooltip.
      await expect(event).toHaveAttribute('title', new RegExp(words.replace(/[()]/g, '\\$&')));
      await expect(event).toContainText(words);
      const marker = await event.locator('.guichet-event-marker').boundingBox();
      expect(marker && marker.width > 0 && marker.height > 0).toBe(true);
    }
    // The morning's appointments in the middle of the 1280×720 window, as the desk reads them.
    await events.first().evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shot(page, 'schedule-week-statuses');
    await expectAccessible(page, 'schedule week statuses');
  });
}

test('an administrator reads the schedule and what waits for reassignment, and is offered nothing the router would refuse her', async ({ page, harness }) => {
  const u = await unit(harness, 'fr');
  const hers = await book(harness, u, u.aissatou.id, u.nadia, '2026-07-07T10:00');
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
  await harness.ok('users.disable', { id: u.nadia.id });
  await openApp(page, harness, '#/appointments?day=2026-07-07');
  const calendar = page.getByTestId('schedule-calendar');
  // Her column stays while her appointments wait, named as disabled.
  await expect(calendar.locator('.rbc-event')).toHaveCount(1);
  await expect(calendar.getByText(fill(fr.scheduleBooking.move.disabledPsychologist, { name: u.nadia.displayName }))).toBeVisible();
  // No booking: no button, no "book at this time", and a click on an empty slot stays on the schedule.
  await expect(page.getByRole('link', { name: fr.appointments.book.open })).toHaveCount(0);
  await expect(page.getByTestId('book-at-time')).toHaveCount(0);
  const slot = await calendar.locator('.rbc-time-content > .rbc-day-slot').first().locator('.rbc-timeslot-group').nth(6).boundingBox();
  if (!slot) throw new Error('no 14:00 slot on the grid');
  await page.mouse.click(slot.x + slot.width / 2, slot.y + 4);
  await expect(page.getByRole('heading', { level: 1, name: fr.appointments.schedule.title })).toBeVisible();
  expect(page.url()).not.toContain('/appointments/new');
  expect(await harness.call('appointments.book', { visitorId: u.grace.id, psychologistId: u.salma.id, placeId: u.placeId, startsAt: '2026-07-07T14:00', minutes: 45, kindId: u.kindId })).toEqual({
    ok: false,
    error: { code: 'call.forbidden' },
  });
  await shot(page, 'schedule-admin');

  // What waits: listed, with who moves them, and no Move button.
  await nav(page, fr).getByRole('link', { name: fr.nav.reassign }).click();
  const list = page.getByTestId('reassign-list');
  await expect(list.getByTestId('appointment-row')).toHaveCount(1);
  await expect(page.getByTestId('reassign-who')).toHaveText(fr.scheduleBooking.move.byDesk);
  await expect(list.getByRole('button')).toHaveCount(0);
  await shot(page, 'reassign-admin');
  await expectAccessible(page, 'reassign admin');

  // Its detail: read only (no status, no move, no card), as the router has it.
  await list.getByRole('link', { name: hers.visitorLabel }).click();
  await expect(page.getByTestId('appointment-history')).toBeVisible();
  for (const name of [fr.appointments.actions.reschedule, fr.appointments.actions.arrived, fr.appointments.actions.cancelled, fr.appointments.card.open]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  expect(await harness.call('appointments.reschedule', { id: hers.id, startsAt: '2026-07-07T11:00', minutes: 45, psychologistId: u.salma.id, reason: 'Départ' })).toEqual({
    ok: false,
    error: { code: 'call.forbidden' },
  });
  await shot(page, 'appointment-admin');
});

test('a room taken out of use keeps its column in the per-room view while appointments are there, and is not offered for booking', async ({ page, harness }) => {
  const u = await unit(harness, 'fr');
  const [place] = await harness.ok('places.list', {});
  const second = place.rooms.find((r) => r.name === 'Salle 2');
  if (!second) throw new Error('no second room');
  await book(harness, u, u.grace.id, u.salma, '2026-07-06T11:00', { roomId: second.id });
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
  await harness.ok('places.update', { ...place, rooms: place.rooms.map((r) => ({ id: r.id, name: r.name, active: r.id !== second.id })) });
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: u.fatima.login, password: u.fatima.password });
  await openApp(page, harness, `#/appointments?columns=room&place=${u.placeId}&day=2026-07-06`);
  const calendar = page.getByTestId('schedule-calendar');
  await expect(calendar.locator('.rbc-event')).toHaveCount(1);
  const names = await calendar.locator('.rbc-row-resource .rbc-header').allInnerTexts();
  expect(names.map((n) => n.trim())).toEqual([place.rooms[0].name, fill(T.fr.scheduleBooking.rooms.inactive, { name: 'Salle 2' })]);
  // She cannot book into it: the keyboard's "book at this time" offers the rooms in use only.
  const bar = page.getByTestId('book-at-time');
  await bar.getByRole('combobox', { name: T.fr.scheduleBooking.atTime.room }).click();
  await expect(page.getByRole('option')).toHaveText([place.rooms[0].name]);
});
