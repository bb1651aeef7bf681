import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { backupJobsOf } from '../../main/core/backups/jobs';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { openTestDesk, TestClock } from '../support/desk';
import { ADMIN, expect, expectAccessible, screenshot, test, type Harness } from './fixtures';
import { fill } from './listening-unit';

/**
 * The administrators' Backups page, a restore with its preview and typed word, the
 * first run's "Restore a backup" on a new machine, and a damaged file refused. A "drive"
 * is a sub-folder of the folder the drive module is pointed at (GUICHET_DRIVES_DIR, read
 * at each call by the router, which runs in this process): mkdir plugs it in.
 */
test.use({ viewport: { width: 1280, height: 720 } });

const T = { fr, ar } as const;
/** The day every backup of this spec is made: a Tuesday in Nador, whatever day the suite runs. */
const BACKUP_DAY = new Date('2026-12-01T10:30:00.000Z');
const AFTER = new Date('2026-12-02T09:00:00.000Z');
const NEW_PASSWORD = 'un mot de passe choisi après la sauvegarde';
const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };

let drives: string;

test.beforeEach(() => {
  drives = mkdtempSync(join(tmpdir(), 'guichet-e2e-drives-'));
  process.env.GUICHET_DRIVES_DIR = drives;
});

test.afterEach(() => {
  delete process.env.GUICHET_DRIVES_DIR;
  rmSync(drives, { recursive: true, force: true });
});

/** Plugs a drive in: a folder under the drives' folder. */
function plugIn(label: string): string {
  const mount = join(drives, label);
  mkdirSync(mount);
  return mount;
}

function nav(page: Page, t: typeof fr): Locator {
  return page.getByRole('navigation', { name: t.shell.navigation });
}

/** A backup made by the harness's desk (its administrator's session open), waited for until verified. */
async function backUpNow(harness: Harness, folder: string): Promise<string> {
  await harness.ok('backups.create', { folder });
  const job = await backupJobsOf(harness.desk).settled();
  if (job?.state !== 'done' || !job.backup) throw new Error(`backup not made: ${JSON.stringify(job?.error)}`);
  return job.backup.file;
}

/** Flips one byte near the end of the file: inside the last encrypted chunk. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const at = statSync(path).size - 40;
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    byte[0] ^= 0x5a;
    writeSync(fd, byte, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: the keyboard alone, however many stops lie between. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let stop = 0; stop < 30; stop++) {
    if (await target.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** Another desk (another machine) with its administrator and a desk worker, backed up to `folder`; returns its recovery key. */
async function backupOfAnotherDesk(folder: string): Promise<string> {
  const source = openTestDesk(undefined, new TestClock(BACKUP_DAY));
  try {
    const setup = await source.ok('setup.create', { ...ADMIN, language: 'fr' });
    await source.ok('users.create', { login: 'fatima', displayName: 'Fatima Zahra', roles: ['desk'], language: 'fr' });
    await source.ok('backups.create', { folder });
    const job = await backupJobsOf(source.desk).settled();
    if (job?.state !== 'done') throw new Error(`source backup not made: ${JSON.stringify(job?.error)}`);
    return setup.recoveryKey;
  } finally {
    source.close();
  }
}

for (const lang of ['fr', 'ar'] as const) {
  const t = T[lang];

  test(`an administrator backs up to a plugged-in drive, verified and listed, and sees a backup's preview (${lang})`, async ({ page, harness }) => {
    harness.setDeskClock(BACKUP_DAY);
    await harness.seedAdmin(lang);
    await harness.open();
    await nav(page, t).getByRole('link', { name: t.nav.backups }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.backups.title })).toBeVisible();
    await expect(page.getByTestId('backup-who-can-open')).toContainText(t.backups.whoCanOpen);
    await expect(page.getByTestId('backup-no-drive')).toBeVisible();

    // Plugged in while the page is open: it shows up by itself.
    plugIn('KINGSTON');
    const drive = page.getByTestId('backup-drive');
    await expect(drive.getByRole('heading', { name: 'KINGSTON' })).toBeVisible();
    await expect(drive).toContainText(t.backups.noBackups);

    // Held once it has written its first chunk: the page shows the stage and the bytes, and a Cancel.
    const held = harness.holdBackup('write');
    await drive.getByRole('button', { name: t.backups.backUpHere }).click();
    await held.reached;
    const progress = page.getByTestId('backup-job-progress');
    await expect(progress.getByTestId('backup-job-stage')).toHaveText(t.backups.stages.write);
    await expect(progress.getByTestId('backup-job-bytes')).toBeVisible();
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(page.getByTestId('backup-job').getByRole('button', { name: t.backups.job.cancel })).toBeVisible();
    // The desk stays usable meanwhile: another page opens and answers.
    await nav(page, t).getByRole('link', { name: t.nav.users }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.nav.users })).toBeVisible();
    await screenshot(page, 'users-during-backup');
    await nav(page, t).getByRole('link', { name: t.nav.backups }).click();
    await expect(page.getByTestId('backup-job-stage')).toHaveText(t.backups.stages.write);
    await screenshot(page, 'backup-in-progress');
    held.release();
    const done = page.getByTestId('backup-job-done');
    await expect(done).toContainText(t.backups.job.verified);
    await expect(done).toContainText('.guichet-backup');
    await expect(drive.getByTestId('backup-row')).toHaveCount(1);
    await expect(drive.getByTestId('backup-row')).toContainText('0.1.0');
    await expect(drive).toContainText(t.backups.thisDesk);
    await expectAccessible(page, `backups page (${lang})`);
    await screenshot(page, 'backups-page');

    // The preview, opened with her password as it is on the day of the backup; discarded.
    await drive.getByRole('button', { name: t.backups.restoreAction }).click();
    const dialog = page.getByRole('dialog', { name: t.backups.restore.title });
    await dialog.getByRole('radio', { name: t.backups.restore.byPassword }).check();
    await dialog.getByLabel(t.backups.restore.login).fill(ADMIN.login);
    await dialog.getByLabel(t.backups.restore.password).fill(ADMIN.password);
    await dialog.getByRole('button', { name: t.backups.restore.open }).click();
    const preview = dialog.getByTestId('backup-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('preview-count-users')).toHaveText('1');
    await expect(preview.getByTestId('preview-replaces')).toHaveText(t.backups.preview.safetyCopy);
    await expect(dialog.getByLabel(fill(t.backups.restore.confirmLabel, { word: t.backups.restore.confirmWord }))).toBeFocused();
    await expectAccessible(page, `restore preview (${lang})`);
    await screenshot(page, 'backup-preview');
    await dialog.getByRole('button', { name: t.backups.restore.discard }).click();
    await expect(dialog).toHaveCount(0);
  });

  test(`the first run offers "Restore a backup" beside "Set up a new desk" (${lang})`, async ({ page, harness }) => {
    const mount = plugIn('SAFE-USB');
    await backupOfAnotherDesk(mount);
    await harness.open();
    await expect(page.getByRole('heading', { name: fr.setup.title })).toBeVisible();
    if (lang !== 'fr') await page.getByText(t.languageNames[lang], { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    const choice = page.getByRole('radiogroup', { name: t.backups.firstRun.choice });
    await expect(choice.getByRole('radio', { name: t.backups.firstRun.newDesk })).toBeChecked();
    await choice.getByText(t.backups.firstRun.restore).click();
    const listed = page.getByTestId('backup-drive');
    await expect(listed.getByTestId('backup-row')).toHaveCount(1);
    await expect(listed).toContainText(t.backups.otherDesk);
    await expect(listed.getByRole('button', { name: t.backups.backUpHere })).toHaveCount(0);
    await expectAccessible(page, `first-run choice (${lang})`);
    await screenshot(page, 'first-run-restore');
  });
}

test('a restore from the Backups page: preview, typed word, login screen; the old password opens it and what came after is gone', async ({ page, harness }) => {
  harness.setDeskClock(BACKUP_DAY);
  await harness.seedAdmin();
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  const mount = plugIn('KINGSTON');
  await backUpNow(harness, mount);

  // After the backup: a visitor registered, and the administrator changes her password.
  harness.setDeskClock(AFTER);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const later = await harness.ok('visitors.register', { fields: { alias: 'Venue après', sex: 'female', birthYear: 1990 }, consents: ALL_CONSENTS });
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
  await harness.ok('account.changePassword', { currentPassword: ADMIN.password, newPassword: NEW_PASSWORD });

  await harness.open();
  await nav(page, fr).getByRole('link', { name: fr.nav.backups }).click();
  const drive = page.getByTestId('backup-drive');
  await drive.getByRole('button', { name: fr.backups.restoreAction }).click();
  const dialog = page.getByRole('dialog', { name: fr.backups.restore.title });
  await dialog.getByRole('radio', { name: fr.backups.restore.byPassword }).check();
  await dialog.getByLabel(fr.backups.restore.login).fill(ADMIN.login);
  // Her password of today does not open a backup made before she chose it.
  await dialog.getByLabel(fr.backups.restore.password).fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: fr.backups.restore.open }).click();
  await expect(dialog.getByRole('alert')).toHaveText(fr.errors.backup.wrongPassword);
  // Back as she left it, the password field ready for another try.
  await expect(dialog.getByRole('radio', { name: fr.backups.restore.byPassword })).toBeChecked();
  await expect(dialog.getByLabel(fr.backups.restore.login)).toHaveValue(ADMIN.login);
  await expect(dialog.getByLabel(fr.backups.restore.password)).toBeFocused();
  await dialog.getByLabel(fr.backups.restore.password).fill(ADMIN.password);
  await dialog.getByRole('button', { name: fr.backups.restore.open }).click();

  const preview = dialog.getByTestId('backup-preview');
  await expect(preview.getByTestId('preview-count-visitors')).toHaveText('0');
  await expect(preview.getByTestId('preview-count-users')).toHaveText('2');
  await expect(preview).toContainText(fr.backups.thisDesk);
  await expect(preview.getByTestId('preview-versions')).toContainText('0.1.0');

  // A wrong word restores nothing.
  const word = dialog.getByLabel(fill(fr.backups.restore.confirmLabel, { word: fr.backups.restore.confirmWord }));
  await word.fill('RESTAURE');
  await dialog.getByRole('button', { name: fr.backups.restore.submit }).click();
  await expect(dialog.getByText(fr.errors.backup.confirmationMismatch)).toBeVisible();
  expect((await harness.call('visitors.get', { id: later.id })).ok).toBe(true);

  await word.fill(fr.backups.restore.confirmWord);
  await dialog.getByRole('button', { name: fr.backups.restore.submit }).click();
  await expect(page.getByRole('heading', { name: fr.login.title })).toBeVisible();
  await expect(page.getByTestId('restore-done')).toContainText(fr.backups.restored.message);

  // The password she had on the day of the backup opens the desk; the new one no longer does.
  await page.getByLabel(fr.login.login).fill(ADMIN.login);
  await page.getByLabel(fr.login.password).fill(ADMIN.password);
  await page.getByRole('button', { name: fr.login.submit }).click();
  await expect(page.getByTestId('shell-user')).toHaveText(ADMIN.displayName);
  const gone = await harness.call('visitors.get', { id: later.id });
  expect(gone.ok ? 'found' : gone.error.code).toBe('visitors.notFound');
});

test('a restore from the first run of a new machine, with the keyboard alone, then the login screen', async ({ page, harness }) => {
  const mount = plugIn('SAFE-USB');
  const recoveryKey = await backupOfAnotherDesk(mount);
  await harness.open();
  const organisation = page.getByLabel(fr.setup.organisation);
  await expect(organisation).toBeFocused();

  // Back to the choice, and over to "Restore a backup" with the arrow key.
  const choice = page.getByRole('radiogroup', { name: fr.backups.firstRun.choice });
  await tabTo(page, choice.getByRole('radio', { name: fr.backups.firstRun.newDesk }), true);
  await page.keyboard.press('ArrowRight');
  await expect(choice.getByRole('radio', { name: fr.backups.firstRun.restore })).toBeChecked();

  const restoreButton = page.getByTestId('backup-drive').getByRole('button', { name: fr.backups.restoreAction });
  await expect(restoreButton).toBeVisible();
  await tabTo(page, restoreButton);
  await page.keyboard.press('Enter');

  const key = page.getByLabel(fr.backups.restore.recoveryKey, { exact: true });
  await tabTo(page, key);
  await page.keyboard.type(recoveryKey);
  await page.keyboard.press('Enter');

  const preview = page.getByTestId('backup-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('preview-replaces')).toHaveText(fr.backups.preview.nothingReplaced);
  await expect(preview).toContainText(fr.backups.otherDesk);
  const word = page.getByLabel(fill(fr.backups.restore.confirmLabel, { word: fr.backups.restore.confirmWord }));
  await expect(word).toBeFocused();
  await page.keyboard.type(fr.backups.restore.confirmWord);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('restore-done')).toBeVisible();
  const login = page.getByLabel(fr.login.login);
  await expect(login).toBeFocused();
  await page.keyboard.type(ADMIN.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shell-user')).toHaveText(ADMIN.displayName);
  await expectAccessible(page, 'home after a first-run restore');
});

test('a damaged backup is refused with the clear error, nothing restored, and she can try again', async ({ page, harness }) => {
  harness.setDeskClock(BACKUP_DAY);
  const recoveryKey = await harness.seedAdmin();
  const mount = plugIn('KINGSTON');
  const file = await backUpNow(harness, mount);
  damage(join(mount, 'Guichet-backups', file));
  const before = await harness.ok('users.list', {});

  await harness.open();
  await nav(page, fr).getByRole('link', { name: fr.nav.backups }).click();
  await page.getByTestId('backup-drive').getByRole('button', { name: fr.backups.restoreAction }).click();
  const dialog = page.getByRole('dialog', { name: fr.backups.restore.title });
  await dialog.getByLabel(fr.backups.restore.recoveryKey, { exact: true }).fill(recoveryKey);
  await dialog.getByRole('button', { name: fr.backups.restore.open }).click();
  await expect(dialog.getByRole('alert')).toHaveText(fr.errors.backup.damaged);
  await expect(dialog.getByTestId('backup-preview')).toHaveCount(0);
  // The form is there again for another try, and the desk is as it was.
  await expect(dialog.getByRole('button', { name: fr.backups.restore.open })).toBeEnabled();
  await expect(dialog.getByLabel(fr.backups.restore.recoveryKey, { exact: true })).toBeFocused();
  expect(await harness.ok('users.list', {})).toEqual(before);
  await expect(page.getByTestId('shell-user')).toHaveText(ADMIN.displayName);
  await screenshot(page, 'backup-damaged');
  await dialog.getByRole('button', { name: fr.backups.restore.back }).click();
  await expect(dialog).toHaveCount(0);

  // A folder the drive list misses, typed by hand: a file that is no backup is named with its problem.
  const elsewhere = mkdtempSync(join(tmpdir(), 'guichet-e2e-elsewhere-'));
  try {
    writeFileSync(join(elsewhere, 'notes-de-reunion.guichet-backup'), 'pas une sauvegarde');
    await page.getByLabel(fr.backups.otherFolder.label).fill(elsewhere);
    await page.getByRole('button', { name: fr.backups.otherFolder.submit }).click();
    const unreadable = page.getByTestId('backup-unreadable');
    await expect(unreadable).toContainText('notes-de-reunion.guichet-backup');
    await expect(unreadable).toContainText(fr.errors.backup.notABackup);
    await expectAccessible(page, 'backups page with an unreadable file');
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

