import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { closeToasts, expect, expectAccessible, screenshot, test } from './fixtures';

/**
 * The date pickers in the person's language (issue 7): a referral dated 1 December, picked
 * in the calendar, on a desk whose clock the test sets (Wednesday 9 December 2026, in
 * Nador), so that nothing depends on the day the suite runs.
 */
const NOW = new Date('2026-12-09T10:00:00.000Z');
const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

/** Per language: the day as the app writes it, the picker's month and day names, and Monday's initial. */
const CASES = {
  fr: { t: fr, today: '9 déc. 2026', shown: '1 déc. 2026', typed: '15 déc. 2026', header: 'décembre 2026', day: (d: number) => `${d} décembre 2026`, monday: 'lu', months: ['mai', 'août', 'déc.'] },
  ar: { t: ar, today: '9 دجنبر 2026', shown: '1 دجنبر 2026', typed: '15 دجنبر 2026', header: 'دجنبر 2026', day: (d: number) => `${d} دجنبر 2026`, monday: 'ن', months: ['ماي', 'غشت', 'شتنبر', 'دجنبر'] },
} as const;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

// The desk's laptop screen, for the screenshots.
test.use({ viewport: { width: 1280, height: 720 } });

for (const lang of ['fr', 'ar'] as const) {
  const { t, today, shown, typed, header, day, monday, months } = CASES[lang];

  test(`a referral dated 1 December is picked in the calendar and reads in ${lang}`, async ({ page, harness }) => {
    harness.setDeskClock(NOW);
    await page.clock.install({ time: NOW });
    await harness.seedAdmin(lang);
    const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], lang);
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
    const visitor = await harness.ok('visitors.register', { fields: { sex: 'female', birthYear: 1994, nationality: 'GN', languages: ['fr'] }, consents: ALL_CONSENTS });
    await harness.open();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    await page.getByRole('navigation', { name: t.shell.navigation }).getByRole('link', { name: t.nav.visitors }).click();
    await page.getByTestId('visitor-list').getByRole('link', { name: visitor.code }).click();
    await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.referrals}`) }).click();
    await page.getByRole('button', { name: t.referrals.new }).first().click();
    const form = page.getByRole('dialog', { name: fill(t.referrals.form.title, { code: visitor.code }) });
    await form.getByRole('combobox', { name: t.referrals.form.partner }).click();
    await page.getByRole('option').first().click();

    // The calendar opens on today's month, in her language, weeks from Monday; no day after today.
    const referredOn = form.getByRole('textbox', { name: t.referrals.form.referredOn });
    await expect(referredOn).toHaveValue(today);
    await referredOn.click();
    const calendar = page.locator('[data-dates-dropdown]');
    const level = calendar.getByRole('button', { name: header, exact: true });
    await expect(level).toHaveText(header);
    await expect(calendar.locator('thead th').first()).toHaveText(monday);
    await expect(calendar.getByRole('button', { name: day(10), exact: true })).toBeDisabled();
    if (lang === 'ar') {
      // Mirrored: the next month is on the left.
      const next = await calendar.getByRole('button', { name: t.dates.nextMonth }).boundingBox();
      const previous = await calendar.getByRole('button', { name: t.dates.previousMonth }).boundingBox();
      expect(next && previous && next.x < previous.x).toBe(true);
    }
    await screenshot(page, 'date-picker');

    // The months of the year, Moroccan names in Arabic; back to December, then its first day.
    await level.click();
    for (const month of months) await expect(calendar.getByRole('button', { name: month, exact: true })).toBeVisible();
    await calendar.getByRole('button', { name: months[months.length - 1], exact: true }).click();
    await calendar.getByRole('button', { name: day(1), exact: true }).click();
    await expect(referredOn).toHaveValue(shown);
    await expect(calendar).toBeHidden();

    // Typed, day first as in Morocco, without leaving the keyboard: read once she moves on.
    const followUpOn = form.getByRole('textbox', { name: t.referrals.form.followUpOn });
    await followUpOn.fill('15/12/2026');
    await page.keyboard.press('Tab');
    await expect(followUpOn).toHaveValue(typed);
    await expectAccessible(page, 'referral-form-dates');

    await form.getByRole('button', { name: t.referrals.form.submit }).click();
    const row = page.getByTestId('referrals-table').getByTestId('referral-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(shown);
    await closeToasts(page);
    await screenshot(page, 'referral-dated');

    // Across IPC a day is `YYYY-MM-DD`, whatever the screen's language.
    const { referrals } = await harness.ok('visitors.get', { id: visitor.id });
    expect(referrals[0]).toMatchObject({ referredOn: '2026-12-01', followUpOn: '2026-12-15' });
  });
}


/**
 * At 23:30 UTC on 9 December, Node's zone data put Nador at 00:30 on the 10th (UTC+1), while
 * Debian's Chromium has Casablanca at UTC+0 this winter and reads 23:30 on the 9th. The
 * forms take today from main (its clock, its zone data), as the desk's records do.
 */
test("the intake and the referral open on main's today, whatever the browser's zone data say", async ({ page, harness }) => {
  const nearMidnight = new Date('2026-12-09T23:30:00.000Z');
  harness.setDeskClock(nearMidnight);
  await page.clock.install({ time: nearMidnight });
  await harness.seedAdmin('fr');
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], 'fr');
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const { today: mainToday } = await harness.ok('appointments.clock', {});
  const visitor = await harness.ok('visitors.register', { fields: { sex: 'female', birthYear: 1994, nationality: 'GN', languages: ['fr'] }, consents: ALL_CONSENTS });
  const shownToday = CASES.fr.day(Number(mainToday.slice(8, 10))).replace(/ décembre /, ' déc. ');
  await harness.open();

  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.visitors }).click();
  await page.getByTestId('visitor-list').getByRole('link', { name: visitor.code }).click();
  await page.getByRole('button', { name: fr.intakes.new }).first().click();
  await expect(page.getByLabel(fr.intakes.visitDate)).toHaveValue(shownToday);

  await page.goBack();
  await page.getByRole('tab', { name: new RegExp(`^${fr.profile.tabs.referrals}`) }).click();
  await page.getByRole('button', { name: fr.referrals.new }).first().click();
  const form = page.getByRole('dialog', { name: fill(fr.referrals.form.title, { code: visitor.code }) });
  const referredOn = form.getByRole('textbox', { name: fr.referrals.form.referredOn });
  await expect(referredOn).toHaveValue(shownToday);
  await form.getByRole('combobox', { name: fr.referrals.form.partner }).click();
  await page.getByRole('option').first().click();
  // Main's today can be picked in the calendar: its limit is main's day too.
  await referredOn.click();
  await expect(page.locator('[data-dates-dropdown]').getByRole('button', { name: CASES.fr.day(Number(mainToday.slice(8, 10))), exact: true })).toBeEnabled();
});
