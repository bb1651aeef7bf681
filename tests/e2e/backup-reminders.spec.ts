import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language } from '../../shared/domain/accounts';
import { DRIVES_DIR_ENV } from '../../main/core/backups/drives';
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test, type Harness } from './fixtures';

/**
 * The backup reminders: the home's line and an administrator's warning, the offer when a
 * drive holding this desk's backups is plugged in, the backup settings. The drives are
 * sub-folders of a temporary folder (GUICHET_DRIVES_DIR, read by the router in this
 * process); a drive appears in one rename, whole, as a real one does when it is mounted.
 */
const DAY_MS = 86_400_000;
/** 11:00 in Nador by either engine's zone data (UTC+0 or UTC+1): the same day everywhere. */
const BACKUP_DAY = new Date('2026-12-01T10:00:00Z');

test.use({ viewport: { width: 1280, height: 720 } });

let drivesDir = '';
let stagingDir = '';
const previousDrivesDir = process.env[DRIVES_DIR_ENV];

test.beforeEach(() => {
  drivesDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-drives-'));
  // Beside the drives, on the same filesystem, so that a drive is plugged in by one rename.
  stagingDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-staging-'));
  process.env[DRIVES_DIR_ENV] = drivesDir;
});

test.afterEach(() => {
  if (previousDrivesDir === undefined) delete process.env[DRIVES_DIR_ENV];
  else process.env[DRIVES_DIR_ENV] = previousDrivesDir;
  rmSync(drivesDir, { recursive: true, force: true });
  rmSync(stagingDir, { recursive: true, force: true });
});

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/** A drive plugged in now: a folder under the drives' folder, empty or a copy of `from`. */
function plugIn(label: string, from?: string): string {
  const staged = join(stagingDir, label);
  if (from) cpSync(from, staged, { recursive: true });
  else mkdirSync(staged);
  const mountPoint = join(drivesDir, label);
  renameSync(staged, mountPoint);
  return mountPoint;
}

/** A backup through the router, as the Backups page starts it, waited for until it ends. */
async function backUpTo(harness: Harness, folder: string) {
  await harness.ok('backups.create', { folder });
  return waitForJob(harness);
}

async function waitForJob(harness: Harness) {
  await expect.poll(async () => (await harness.ok('backups.job', {}))?.state, { timeout: 30_000 }).not.toBe('running');
  const job = await harness.ok('backups.job', {});
  expect(job?.state, JSON.stringify(job?.error)).toBe('done');
  return job;
}

/**
 * Counts the page's looks at the drives (the router's `backups.drives` calls). The page
 * starts a look only once the previous answer has been handled, so once two more have
 * started, everything plugged in before has been seen and judged.
 */
function drivesLooks(harness: Harness) {
  let started = 0;
  const dispatch = harness.router.dispatch.bind(harness.router);
  harness.router.dispatch = (desk, name, input) => {
    if (name === 'backups.drives') started += 1;
    return dispatch(desk, name, input);
  };
  return {
    get started() {
      return started;
    },
    async twoMore() {
      const from = started;
      await expect.poll(() => started, { timeout: 20_000 }).toBeGreaterThanOrEqual(from + 2);
    },
  };
}

/** Logs in through the login screen, as at the start of a day. */
async function logInAsAdmin(page: Page, harness: Harness) {
  harness.desk.lock('switchUser');
  await harness.open();
  await page.getByLabel(fr.login.login).fill(ADMIN.login);
  await page.getByLabel(fr.login.password, { exact: true }).fill(ADMIN.password);
  await page.getByLabel(fr.login.password, { exact: true }).press('Enter');
}

/** The backup section at the top of the window, under the app's header. */
async function showBackupSection(page: Page, title: string) {
  await page.locator('#guichet-main').getByText(title, { exact: true }).evaluate((label: unknown) => {
    (label as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' });
    (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -96);
  });
}

async function openIn(page: Page, harness: Harness, language: Language) {
  await harness.ok('account.setLanguage', { language });
  await harness.open();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('an administrator of a desk never backed up is warned first thing after logging in, in French and Arabic', async ({ page, harness }) => {
  await harness.seedAdmin();
  await logInAsAdmin(page, harness);

  const warning = page.getByTestId('backup-overdue');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('role', 'alert');
  await expect(warning).toContainText(fr.backupReminders.overdue.title);
  await expect(warning).toContainText(fr.backupReminders.overdue.never);
  await expect(page.getByTestId('home-last-backup')).toHaveText(fr.backupReminders.noneYet);
  // Above the greeting, the first thing of the page.
  const heading = page.getByRole('heading', { level: 1 });
  expect((await warning.boundingBox())?.y ?? Infinity).toBeLessThan((await heading.boundingBox())?.y ?? -Infinity);
  expect(await warning.evaluate((alert: unknown) => (alert as { previousElementSibling: unknown }).previousElementSibling === null)).toBe(true);
  const open = warning.getByRole('link', { name: fr.backupReminders.overdue.open });
  await expect(open).toHaveAttribute('href', '#/backups');
  await screenshot(page, 'home-backup-never');
  await expectAccessible(page, 'home with the never-backed-up warning');

  await openIn(page, harness, 'ar');
  await expect(warning).toContainText(ar.backupReminders.overdue.never);
  await expect(page.getByTestId('home-last-backup')).toHaveText(ar.backupReminders.noneYet);
  await screenshot(page, 'home-backup-never');
  await expectAccessible(page, 'home with the never-backed-up warning, in Arabic');
});

test('after a verified backup the home says when, with no warning; eight days later the warning is back', async ({ page, harness }) => {
  harness.setDeskClock(BACKUP_DAY);
  await harness.seedAdmin();
  await backUpTo(harness, plugIn('KINGSTON'));
  await harness.open();

  const line = page.getByTestId('home-last-backup');
  await expect(line).toContainText(fr.backupReminders.lastVerified.split('{{')[0]);
  await expect(line).toContainText('1 déc. 2026');
  await expect(line).toContainText(`(${fr.backupReminders.ago.today})`);
  await expect(page.getByTestId('backup-overdue')).toHaveCount(0);

  harness.advanceDeskClock(8 * DAY_MS);
  await harness.open();
  const warning = page.getByTestId('backup-overdue');
  const limit = fill(fr.backupReminders.overdue.limit_other, { count: 7 });
  await expect(warning).toContainText(fill(fr.backupReminders.overdue.old_other, { count: 8, limit }));
  await expect(line).toContainText('1 déc. 2026');
  await expect(line).toContainText(`(${fill(fr.backupReminders.ago.days_other, { count: 8 })})`);
  await screenshot(page, 'home-backup-overdue');
  await expectAccessible(page, 'home with the overdue warning');

  await openIn(page, harness, 'ar');
  const arLimit = fill(ar.backupReminders.overdue.limit_few, { count: 7 });
  await expect(warning).toContainText(fill(ar.backupReminders.overdue.old_few, { count: 8, limit: arLimit }));
  await expect(line).toContainText(`(${fill(ar.backupReminders.ago.days_few, { count: 8 })})`);
  await screenshot(page, 'home-backup-overdue');
  await expectAccessible(page, 'home with the overdue warning, in Arabic');
});

test('a desk worker reads when the last backup was made, is never warned, and no drive is looked at for her', async ({ page, harness }) => {
  harness.setDeskClock(BACKUP_DAY);
  await harness.seedAdmin();
  await backUpTo(harness, plugIn('KINGSTON'));
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  harness.advanceDeskClock(8 * DAY_MS);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const looks = drivesLooks(harness);
  await harness.open();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima Zahra');
  await expect(page.getByTestId('home-last-backup')).toContainText(`(${fill(fr.backupReminders.ago.days_other, { count: 8 })})`);
  await expect(page.getByTestId('backup-overdue')).toHaveCount(0);
  // A drive plugged in is none of her business: nothing looks, nothing is offered.
  plugIn('SANDISK', join(drivesDir, 'KINGSTON'));
  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.followUps }).click();
  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.home }).click();
  await expect(page.getByTestId('home-last-backup')).toBeVisible();
  expect(looks.started).toBe(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a drive holding this desk\'s backups, plugged in while the administrator is on the home, is offered a backup at once', async ({ page, harness }) => {
  harness.setDeskClock(BACKUP_DAY);
  await harness.seedAdmin();
  const present = plugIn('PRESENT');
  await backUpTo(harness, present);
  const looks = drivesLooks(harness);
  await harness.open();
  const offer = page.getByRole('dialog', { name: fr.backupReminders.offer.title });

  // The drive there at login, with this desk's backup on it, is no news.
  await expect(page.getByTestId('home-last-backup')).toContainText(`(${fr.backupReminders.ago.today})`);
  await looks.twoMore();
  await expect(offer).toHaveCount(0);
  // An empty drive holds nothing of this desk.
  plugIn('EMPTY');
  await looks.twoMore();
  await expect(offer).toHaveCount(0);

  plugIn('KINGSTON', present);
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(fill(fr.backupReminders.offer.message, { label: 'KINGSTON' }));
  // Opened while she may be typing: the focus is on the answer that changes nothing.
  await expect(offer.getByRole('button', { name: fr.backupReminders.offer.notNow })).toBeFocused();
  await screenshot(page, 'backup-drive-offer');
  await expectAccessible(page, 'the drive offer');
  await page.keyboard.press('Escape');
  await expect(offer).toHaveCount(0);
  // Put off, it is not asked again while the drive stays plugged in.
  await looks.twoMore();
  await expect(offer).toHaveCount(0);

  // In Arabic, a drive plugged in after the window opened again: "Back up now" starts the backup.
  await openIn(page, harness, 'ar');
  await expect(page.getByTestId('home-last-backup')).toBeVisible();
  await looks.twoMore();
  const sandisk = plugIn('SANDISK', present);
  const arOffer = page.getByRole('dialog', { name: ar.backupReminders.offer.title });
  await expect(arOffer).toBeVisible();
  await expect(arOffer).toContainText(fill(ar.backupReminders.offer.message, { label: 'SANDISK' }));
  await screenshot(page, 'backup-drive-offer');
  await expectAccessible(page, 'the drive offer, in Arabic');
  await arOffer.getByRole('button', { name: ar.backupReminders.offer.backUpNow }).click();
  await expect(arOffer).toHaveCount(0);
  const job = await waitForJob(harness);
  expect(job?.kind).toBe('backup');
  expect(existsSync(join(sandisk, 'Guichet-backups', job?.backup?.file ?? 'none'))).toBe(true);
});

test('the backup settings are saved, and a value out of range is refused with its translated message', async ({ page, harness }) => {
  await harness.seedAdmin();
  await harness.open();
  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.settings }).click();

  const reminder = page.getByLabel(fr.settings.backupReminderDays);
  const daily = page.getByLabel(fr.settings.backupKeepDaily);
  const weekly = page.getByLabel(fr.settings.backupKeepWeekly);
  const monthly = page.getByLabel(fr.settings.backupKeepMonthly);
  await expect(reminder).toHaveValue('7');
  await expect(daily).toHaveValue('7');
  await expect(weekly).toHaveValue('4');
  await expect(monthly).toHaveValue('12');
  await expect(page.getByText(fill(fr.settings.backupKeepWeeklyHint, { min: 0, max: 52 }))).toBeVisible();

  await reminder.fill('0');
  await weekly.fill('53');
  await page.getByRole('button', { name: fr.common.save }).click();
  await expect(page.getByText(fr.fields.backupReminder.range)).toBeVisible();
  await expect(page.getByText(fr.fields.backupKeep.weeklyRange)).toBeVisible();
  await expect(reminder).toBeFocused();
  await expect(reminder).toHaveAttribute('aria-invalid', 'true');
  await showBackupSection(page, fr.settings.backupSection);
  await screenshot(page, 'settings-backups-refused');
  await expectAccessible(page, 'the backup settings with errors');

  await reminder.fill('14');
  await daily.fill('10');
  await weekly.fill('8');
  await monthly.fill('0');
  await page.getByRole('button', { name: fr.common.save }).click();
  await expect(page.getByText(fr.settings.saved)).toBeVisible();
  expect(await harness.ok('settings.get', {})).toMatchObject({ backupReminderDays: 14, backupKeepDaily: 10, backupKeepWeekly: 8, backupKeepMonthly: 0 });
  await closeToasts(page);

  await openIn(page, harness, 'ar');
  await page.getByRole('navigation', { name: ar.shell.navigation }).getByRole('link', { name: ar.nav.settings }).click();
  const arReminder = page.getByLabel(ar.settings.backupReminderDays);
  await expect(arReminder).toHaveValue('14');
  await arReminder.fill('91');
  await page.getByRole('button', { name: ar.common.save }).click();
  await expect(page.getByText(ar.fields.backupReminder.range)).toBeVisible();
  await showBackupSection(page, ar.settings.backupSection);
  await screenshot(page, 'settings-backups-refused');
  await expectAccessible(page, 'the backup settings with an error, in Arabic');
  expect((await harness.ok('settings.get', {})).backupReminderDays).toBe(14);
});
