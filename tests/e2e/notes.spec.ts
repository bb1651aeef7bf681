import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, screenshot, test, closeToasts, type Harness, type Staff } from './fixtures';

/**
 * Private session notes in the real renderer: written, locked and taken back as a draft,
 * handed over, opened by break-glass, the author's notice, the closed notes after a
 * reset and their reopening. Screens at the desk laptop's 1280×720, in French and Arabic.
 */
test.use({ viewport: { width: 1280, height: 720 } });

const CONSENTS = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };
const body = (text: string) => ({ text, sessionKind: 'followUp' as const, followUpPlanned: true, riskLevel: 'low' as const });

async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#${path}`);
}

/** Logs in from the test's hands and reloads the window, which opens on that session. */
async function as(page: Page, harness: Harness, member: { login: string; password: string }): Promise<void> {
  harness.desk.lock('switchUser');
  await harness.ok('auth.login', { login: member.login, password: member.password });
  await harness.open();
  await expect(page.getByTestId('shell-user')).toBeVisible();
}

async function seed(harness: Harness, language: 'fr' | 'ar' | 'en') {
  const recoveryKey = await harness.seedAdmin(language);
  const salma = await harness.seedUser('salma', language === 'ar' ? 'سلمى الإدريسي' : 'Salma Idrissi', ['psychologist'], language);
  const nadia = await harness.seedUser('nadia', language === 'ar' ? 'نادية بنعلي' : 'Nadia Benali', ['psychologist'], language);
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], language);
  harness.desk.lock('switchUser');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const awa = await harness.ok('visitors.register', { fields: { alias: 'Maman Awa', sex: 'female', birthYear: 1991 }, consents: CONSENTS });
  const mariam = await harness.ok('visitors.register', { fields: { alias: 'Mariam', sex: 'female', birthYear: 1996 }, consents: CONSENTS });
  harness.desk.lock('switchUser');
  // Nadia logs in once with her own password: her key is published, notes can be handed to her.
  await harness.ok('auth.login', { login: nadia.login, password: nadia.password });
  harness.desk.lock('switchUser');
  return { recoveryKey, salma, nadia, awa, mariam };
}

const admin: Staff = { id: 1, login: ADMIN.login, displayName: ADMIN.displayName, password: ADMIN.password };

test('a note is written, kept as a sealed draft across a lock, handed over, and opened by break-glass', async ({ page, harness }) => {
  test.slow();
  const { recoveryKey, salma, nadia, awa, mariam } = await seed(harness, 'fr');
  await as(page, harness, salma);

  // ── Write, lock before saving, unlock: the draft is offered back.
  await go(page, `/visitors/${awa.id}/notes`);
  await expect(page.getByRole('heading', { name: fr.notes.listTitle.replace('{{code}}', awa.code) })).toBeVisible();
  await page.getByRole('link', { name: fr.notes.new }).click();
  const text = page.getByRole('textbox', { name: fr.notes.form.text });
  await text.fill('Elle dort mieux depuis deux semaines.');
  await expect.poll(async () => (await harness.ok('notes.getDraft', { key: `newForVisitor-${awa.id}` }))?.data.text).toBe('Elle dort mieux depuis deux semaines.');
  await page.getByRole('button', { name: new RegExp(`^${fr.shell.lock}`) }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByLabel(fr.lock.password, { exact: true }).fill(salma.password);
  await page.getByRole('button', { name: fr.lock.unlock }).click();
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await page.getByRole('button', { name: fr.drafts.resume }).click();
  await expect(text).toHaveValue('Elle dort mieux depuis deux semaines.');
  await page.getByRole('button', { name: fr.notes.form.create }).click();
  await expect(page.getByText(fr.notes.saved)).toBeVisible();
  await expect(page).toHaveURL(/#\/notes\/\d+$/);
  expect(await harness.ok('notes.getDraft', { key: `newForVisitor-${awa.id}` })).toBeNull();

  // ── Hand Awa's notes over to Nadia, with the keyboard.
  await go(page, `/visitors/${awa.id}/notes`);
  await expect(page.getByTestId('notes-list')).toContainText(salma.displayName);
  await page.getByRole('button', { name: fr.notes.handover.action }).click();
  const dialog = page.getByRole('dialog', { name: fr.notes.handover.title.replace('{{code}}', awa.code) });
  await dialog.getByRole('combobox', { name: fr.notes.handover.recipient }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: nadia.displayName }).click();
  await dialog.getByRole('button', { name: fr.notes.handover.confirm }).click();
  await expect(page.getByText(fr.notes.handover.done_one.replace('{{count}}', '1'))).toBeVisible();

  // Salma also writes about Mariam, which she does not hand over.
  await harness.ok('notes.create', { visitorId: mariam.id, body: body('Première écoute, très fatiguée.') });

  // ── Nadia reads Awa's note, its author named; Mariam's stays closed to her.
  await as(page, harness, nadia);
  await go(page, `/visitors/${awa.id}/notes`);
  await page.getByTestId('notes-list').getByRole('link').first().click();
  await expect(page.getByTestId('shared-note')).toContainText('Elle dort mieux depuis deux semaines.');
  await expect(page.getByTestId('shared-note')).toContainText(fr.notes.sharedBy.replace('{{author}}', salma.displayName));
  await go(page, `/visitors/${mariam.id}/notes`);
  await expect(page.getByTestId('notes-empty')).toBeVisible();

  // ── Break-glass: the administrator gives Mariam's notes to Nadia, with the recovery key and a reason.
  await as(page, harness, admin);
  await go(page, '/notes-access');
  await page.getByRole('textbox', { name: fr.notesAccess.breakGlass.visitorCode }).fill(mariam.code);
  await page.getByRole('button', { name: fr.notesAccess.breakGlass.lookUp }).click();
  await expect(page.getByTestId('break-glass-authors')).toContainText(salma.displayName);
  const form = page.getByTestId('break-glass-form');
  await form.getByRole('combobox', { name: fr.notesAccess.breakGlass.recipient }).click();
  await page.getByRole('option', { name: nadia.displayName }).click();
  // The reason is kept in clear: the field says so, tied to it for a screen reader.
  const reason = form.getByRole('textbox', { name: fr.notesAccess.breakGlass.reason });
  await expect(reason).toHaveAccessibleDescription(fr.notesAccess.breakGlass.reasonHint);
  await reason.fill('Salma est en congé maladie ; Mariam revient lundi.');
  await form.getByRole('textbox', { name: fr.notesAccess.recoveryKey }).fill('AAAA-BBBB-CCCC-DDDD');
  await form.getByRole('button', { name: fr.notesAccess.breakGlass.grant }).click();
  await expect(form.getByText(fr.fields.recovery.malformed)).toBeVisible();
  await form.getByRole('textbox', { name: fr.notesAccess.recoveryKey }).fill(recoveryKey);
  await form.getByRole('button', { name: fr.notesAccess.breakGlass.grant }).click();
  await expect(page.getByText(fr.notesAccess.breakGlass.done_one.replace('{{count}}', '1'))).toBeVisible();
  // The administrator's screens never show a note.
  await expect(page.locator('body')).not.toContainText('très fatiguée');

  // ── Salma is told at her next login, and acknowledges.
  await as(page, harness, salma);
  const notices = page.getByTestId('break-glass-notices');
  await expect(notices).toContainText(mariam.code);
  await expect(notices).toContainText('Salma est en congé maladie');
  await page.getByRole('button', { name: fr.notes.notice.acknowledge }).click();
  await expect(notices).toBeHidden();

  // ── Nadia reads Mariam's note now.
  await as(page, harness, nadia);
  await go(page, `/visitors/${mariam.id}/notes`);
  await expect(page.getByTestId('notes-list')).toContainText(fr.notes.access.breakGlass);

  // ── Salma ends her handover about Awa: Nadia no longer reads that note.
  await as(page, harness, salma);
  await go(page, `/visitors/${awa.id}/notes`);
  const standing = page.getByTestId('standing-handovers');
  await expect(standing).toContainText(nadia.displayName);
  await standing.getByRole('button', { name: fr.notes.handover.end }).click();
  await expect(page.getByText(fr.notes.handover.ended)).toBeVisible();
  await expect(standing).toBeHidden();
  await as(page, harness, nadia);
  await go(page, `/visitors/${awa.id}/notes`);
  await expect(page.getByTestId('notes-empty')).toBeVisible();
});

for (const lang of ['fr', 'ar'] as const) {
  const t = lang === 'fr' ? fr : ar;
  test(`the notes' screens in ${lang === 'fr' ? 'French' : 'Arabic'}, looked at and checked by axe`, async ({ page, harness }) => {
    test.slow();
    const { recoveryKey, salma, nadia, awa, mariam } = await seed(harness, lang);
    await harness.ok('auth.login', { login: salma.login, password: salma.password });
    const note = await harness.ok('notes.create', { visitorId: awa.id, body: body(lang === 'ar' ? 'تنام بشكل أفضل منذ أسبوعين.' : 'Elle dort mieux depuis deux semaines.') });
    await harness.ok('notes.create', { visitorId: mariam.id, body: body('Première écoute.') });
    await harness.ok('notes.handover', { visitorId: awa.id, recipientId: nadia.id });
    await as(page, harness, salma);
    const shoot = async (name: string) => {
      await screenshot(page, `notes-${name}`);
      await expectAccessible(page, `notes-${name} (${lang})`);
    };

    await go(page, `/notes/new?visitor=${awa.id}`);
    await page.getByRole('textbox', { name: t.notes.form.text }).fill(lang === 'ar' ? 'ملاحظة قيد الكتابة' : 'Une note en cours');
    await shoot('editor');
    await go(page, `/visitors/${awa.id}/notes`);
    await expect(page.getByTestId('notes-list')).toBeVisible();
    await shoot('list');
    await page.getByRole('button', { name: t.notes.handover.action }).click();
    await expect(page.getByTestId('handover-form')).toBeVisible();
    await shoot('handover');
    await page.keyboard.press('Escape');

    await as(page, harness, nadia);
    await go(page, `/notes/${note.id}`);
    await expect(page.getByTestId('shared-note')).toBeVisible();
    await shoot('shared');

    // Break-glass, then the notice Salma sees at her next login.
    await as(page, harness, admin);
    await harness.ok('notes.breakGlass', { recoveryKey, visitorId: mariam.id, recipientId: nadia.id, reason: lang === 'ar' ? 'سلمى في إجازة مرضية؛ تعود مريم يوم الاثنين.' : 'Salma est en congé maladie ; Mariam revient lundi.' });
    await go(page, '/notes-access');
    await page.getByRole('textbox', { name: t.notesAccess.breakGlass.visitorCode }).fill(mariam.code);
    await page.getByRole('button', { name: t.notesAccess.breakGlass.lookUp }).click();
    await page.getByTestId('break-glass-form').getByRole('button', { name: t.notesAccess.breakGlass.grant }).scrollIntoViewIfNeeded();
    await shoot('break-glass');
    await as(page, harness, salma);
    await expect(page.getByTestId('break-glass-notices')).toBeVisible();
    await shoot('notice');
    await page.getByRole('button', { name: t.notes.notice.acknowledge }).click();

    // A reset: Nadia's notes are closed, and say so; the administrator's screen offers the reopening.
    await as(page, harness, admin);
    const { oneTimePassword } = await harness.ok('users.resetPassword', { id: nadia.id });
    harness.desk.lock('switchUser');
    await harness.ok('auth.login', { login: nadia.login, password: oneTimePassword });
    await harness.ok('account.changePassword', { currentPassword: oneTimePassword, newPassword: nadia.password });
    await harness.open();
    // Said at once, on the page she lands on, and on her notes' pages (once).
    await expect(page.getByTestId('notes-closed')).toBeVisible();
    await go(page, `/visitors/${awa.id}/notes`);
    await expect(page.getByTestId('notes-closed')).toHaveCount(1);
    await shoot('closed');
    await as(page, harness, admin);
    await go(page, '/notes-access');
    await expect(page.getByTestId('closed-accounts')).toContainText(nadia.displayName);
    await closeToasts(page);
    await shoot('access');
    // No button reopens them here: the page says where she and the recovery-key holder go, together.
    await expect(page.getByTestId('closed-accounts-how-to')).toContainText(t.recover.title);
    await expect(page.getByRole('button', { name: /rouvrir|reopen|إعادة فتح/i })).toHaveCount(0);
    harness.desk.lock('switchUser');
    nadia.password = 'nadia types her new password herself';
    await harness.ok('auth.recover', { recoveryKey, login: nadia.login, newPassword: nadia.password });
    // Recovered with her present: her notes are open again.
    await as(page, harness, nadia);
    await go(page, `/notes/${note.id}`);
    await expect(page.getByTestId('shared-note')).toBeVisible();
  });
}
