import type { Locator, Page } from '@playwright/test';
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { expect, screenshot, test, type Harness, type Staff } from './fixtures';

/**
 * The schedule shows main's clock, whatever the browser's zone data says. The page runs in
 * Africa/Casablanca (playwright.config.ts) on Debian's Chromium, whose ICU has Casablanca at
 * UTC+0 from autumn 2026 where Node keeps UTC+1: a screen that converted instants itself
 * would show main's 10:00 of December as 09:00, and at 00:30 on a Tuesday in Nador would
 * still be on Monday. Across Morocco's Ramadan hour (UTC+0 from 15 February to 22 March
 * 2026) a weekly 10:00 stays 10:00. Each test sets the desk's clock and the page's.
 */

test.use({ viewport: { width: 1280, height: 720 } });

interface Desk {
  salma: Staff;
  placeId: number;
  kindId: number;
  rose: number;
}

/** A desk worker, a psychologist working 09:00–17:00 on weekdays at the desk, a visitor; the desk worker left logged in. */
async function desk(harness: Harness, now: Date): Promise<Desk> {
  harness.setDeskClock(now);
  await harness.seedAdmin('fr');
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], 'fr');
  const salma = await harness.seedUser('salma', 'Salma Idrissi', ['psychologist'], 'fr');
  const [place] = await harness.ok('places.list', {});
  const kinds = await harness.ok('appointments.kinds', {});
  const plan = [1, 2, 3, 4, 5].map((weekday) => ({ placeId: place.id, weekday: weekday as 1, starts: '09:00', ends: '17:00' }));
  await harness.ok('availability.setPlan', { owner: { userId: salma.id }, plan });
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const rose = await harness.ok('visitors.register', {
    fields: { alias: 'Rose', sex: 'female', birthYear: 1992, nationality: 'CM', languages: ['fr'] },
    consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
  });
  return { salma, placeId: place.id, kindId: (kinds.find((k) => k.key === 'followUp') ?? kinds[0]).id, rose: rose.id };
}

async function openAt(page: Page, harness: Harness, now: Date, hash: string): Promise<void> {
  await page.clock.install({ time: now });
  await harness.open();
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
  await expect(page.getByRole('heading', { level: 1, name: fr.appointments.schedule.title })).toBeVisible();
}

/** The appointment on the grid reads 10:00–10:45 and sits on the grid's 10:00 line. */
async function expectAtTen(calendar: Locator): Promise<void> {
  const event = calendar.locator('.rbc-event');
  await expect(event).toHaveCount(1);
  await expect(event.locator('.rbc-event-label')).toHaveText('10:00 – 10:45');
  const line = await calendar.locator('.rbc-time-gutter .rbc-timeslot-group').filter({ hasText: '10:00' }).boundingBox();
  const box = await event.boundingBox();
  expect(line && box && Math.abs(box.y - line.y)).toBeLessThan(2);
}

test('in December, 10:00 on main’s clock is 10:00 on the grid and the list, and today is main’s, not the browser’s', async ({ page, harness }) => {
  // Monday 7 December 2026, 23:30 UTC: already Tuesday 8 December, 00:30, in Nador by Node's zone data; still Monday by the browser's.
  const now = new Date('2026-12-07T23:30:00.000Z');
  const d = await desk(harness, now);
  const [booked] = await harness.ok('appointments.book', { visitorId: d.rose, psychologistId: d.salma.id, placeId: d.placeId, startsAt: '2026-12-08T10:00', minutes: 45, kindId: d.kindId });
  expect(booked.startsAt).toBe('2026-12-08T09:00:00.000Z');
  await openAt(page, harness, now, '#/appointments');

  // Today is main's: Tuesday, with her appointment on it.
  await expect(page.getByTestId('schedule-heading')).toHaveText('8 déc. 2026');
  await expect(page.getByRole('button', { name: fr.appointments.schedule.today, exact: true })).toBeDisabled();
  const calendar = page.getByTestId('schedule-calendar');
  await expectAtTen(calendar);
  await expect(page.getByTestId('schedule-list').getByTestId('appointment-row')).toContainText('10:00–10:45');
  await screenshot(page, 'schedule-december');

  // Her appointment, and the desk's today list.
  await calendar.locator('.rbc-event').click();
  await expect(page.getByRole('heading', { level: 1, name: /8 déc\. 2026.*10:00–10:45/ })).toBeVisible();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#/today';
  });
  await expect(page.getByRole('heading', { level: 1, name: fr.appointments.today.title })).toBeVisible();
  await expect(page.getByText(fr.appointments.today.description.replace('{{day}}', '8 déc. 2026'))).toBeVisible();
  await expect(page.getByTestId('today-list').getByTestId('appointment-row')).toContainText('10:00–10:45');
});

test('a weekly 10:00 stays 10:00 on screen into Ramadan’s UTC+0 and out of it', async ({ page, harness }) => {
  // Thursday 12 February 2026, 08:50 in Nador (UTC+1), three days before the clock goes back for Ramadan.
  const now = new Date('2026-02-12T07:50:00.000Z');
  const d = await desk(harness, now);
  const series = await harness.ok('appointments.book', {
    visitorId: d.rose,
    psychologistId: d.salma.id,
    placeId: d.placeId,
    startsAt: '2026-02-13T10:00',
    minutes: 45,
    kindId: d.kindId,
    repeat: { rule: 'weekly', count: 7 },
  });
  // The instants move with the clock (09:00 UTC, then 10:00 UTC during Ramadan, then 09:00 again).
  expect(series.map((a) => a.startsAt.slice(11, 16))).toEqual(['09:00', '10:00', '10:00', '10:00', '10:00', '10:00', '09:00']);
  await openAt(page, harness, now, '#/appointments?view=week');
  const calendar = page.getByTestId('schedule-calendar');
  await expect(page.getByTestId('schedule-heading')).toContainText('9 fév. 2026');
  await expectAtTen(calendar);

  // Next week is Ramadan's first: the same 10:00.
  await page.getByRole('button', { name: fr.appointments.schedule.nextWeek }).click();
  await expect(page.getByTestId('schedule-heading')).toContainText('16 fév. 2026');
  await expectAtTen(calendar);
  await expect(page.getByTestId('schedule-list').getByTestId('appointment-row')).toContainText('10:00–10:45');
  await screenshot(page, 'schedule-ramadan');

  // Ramadan's last Friday and the first one after it, on the clock back at UTC+1.
  for (const [day, monday] of [
    ['2026-03-20', '16 mar. 2026'],
    ['2026-03-27', '23 mar. 2026'],
  ]) {
    await page.evaluate((target) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = target;
    }, `#/appointments?view=week&day=${day}`);
    await expect(page.getByTestId('schedule-heading')).toContainText(monday);
    await expectAtTen(calendar);
  }
});
