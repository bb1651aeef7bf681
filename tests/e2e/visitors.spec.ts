import type { Locator, Page } from '@playwright/test';
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { seedVisitors } from '../../main/core/visitors/seed';
import { VISITOR_FIELD_NAMES, VISITOR_FIELDS } from '../../shared/domain/visitor-fields';
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test, type Harness, type Staff } from './fixtures';

/**
 * The desk's work with visitors (issue 3), in French, over the real router: keyboard
 * registration, duplicates, consents, an intake with a disclosure through the GBVIMS
 * tree, what each role sees, search, edit history, a printed referral slip, a draft
 * that survives a lock, anonymisation, bad input, and the list at 2,000 visitors.
 */

const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: fr.shell.navigation });
}

/** `{{name}}` placeholders filled in, as i18next does. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/**
 * Types in a searchable choice and takes the highlighted match with Enter. Mantine's Select,
 * once open, resets its keyboard index in a zero-delay timeout; with the keys sent in one
 * burst that timeout could land after the last letter, and Enter then submitted the whole
 * form. So: the first letter, the list open, that timeout run; the rest, the match
 * highlighted, Enter.
 */
async function pick(page: Page, search: string, match: string): Promise<void> {
  await page.keyboard.type(search.slice(0, 1));
  await expect(page.getByRole('listbox')).toBeVisible();
  // Timeouts of the same delay run in the order they were set: once this one has, Mantine's has.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.type(search.slice(1));
  await expect(page.locator('[data-combobox-selected]')).toHaveText(match);
  await page.keyboard.press('Enter');
}

/** Logs a staff member in through the router (the page is opened afterwards). */
async function signIn(harness: Harness, who: { login: string; password: string }): Promise<void> {
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: who.login, password: who.password });
}

/** From the lock screen: someone else logs in. */
async function switchTo(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.keyboard.press('Control+KeyL');
  await page.getByRole('button', { name: fr.lock.switchUser }).click();
  await page.getByLabel(fr.login.login, { exact: true }).fill(who.login);
  await page.getByLabel(fr.login.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: fr.login.submit }).click();
  await expect(nav(page)).toBeVisible();
}

/** A screenshot without the toasts of the last actions over it. */
async function shot(page: Page, name: string): Promise<void> {
  await closeToasts(page);
  await screenshot(page, name);
}

async function team(harness: Harness): Promise<{ fatima: Staff; salma: Staff }> {
  await harness.seedAdmin();
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  const salma = await harness.seedUser('salma', 'Salma Idrissi', ['psychologist']);
  return { fatima, salma };
}

test('a visitor at the desk: keyboard registration, duplicate, consent, intake with disclosure, roles, search, history, slip', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const { fatima, salma } = await team(harness);
  await signIn(harness, fatima);
  // Already known: the same phone and a close name make the new registration a likely duplicate.
  const known = await harness.ok('visitors.register', {
    fields: { firstName: 'Aïssatou', lastName: 'Diallo', sex: 'female', birthYear: 1994, nationality: 'GN', phone: '+212 6 12 34 56 78' },
    consents: ALL_CONSENTS,
  });
  await harness.ok('visitors.register', {
    fields: { firstName: 'فاطمة', lastName: 'عبد الرحمن', sex: 'female', birthYear: 1990, nationality: 'SD', languages: ['ar'] },
    consents: ALL_CONSENTS,
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await harness.open();
  await expect(nav(page).getByRole('link')).toHaveText([
    fr.nav.home,
    fr.nav.visitors,
    fr.nav.followUps,
    fr.nav.today,
    fr.nav.schedule,
    fr.nav.calls,
    fr.nav.childcare,
    fr.nav.reassign,
    fr.nav.partners,
    fr.nav.activities,
    fr.nav.events,
    fr.nav.account,
  ]);

  // ── Registration with the keyboard alone: Alt+N, Tab, Space, typing, Enter.
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  await expect(page.getByTestId('visitor-search')).toBeFocused();
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByRole('heading', { name: fr.registration.title, level: 1 })).toBeVisible();
  await expect(page.getByTestId('consent-dataProcessing')).toBeFocused();
  await page.keyboard.press('Space'); // data processing
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // reporting; referrals and phone contact are left unticked
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(fr.visitorFields.firstName)).toBeFocused();
  await page.keyboard.type('Aissatou');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dialo');
  await page.keyboard.press('Tab'); // alias, left empty
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: fr.sexes.female })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1995');
  await page.keyboard.press('Tab'); // estimated
  await page.keyboard.press('Tab'); // approximate age
  await expect(page.getByLabel(fr.visitorFields.approximateAge)).toHaveValue(String(new Date().getFullYear() - 1995));
  await page.keyboard.press('Tab');
  await pick(page, 'Guin', 'Guinée');
  await expect(page.getByRole('combobox', { name: fr.visitorFields.nationality })).toHaveValue('Guinée');
  await page.keyboard.press('Tab');
  await pick(page, 'Peul', fr.spokenLanguages.ff);
  await pick(page, 'Franç', fr.spokenLanguages.fr);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: fr.visitorFields.interpreterNeeded })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await pick(page, 'Peul', fr.spokenLanguages.ff);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: fr.visitorFields.phone })).toBeFocused();
  await page.keyboard.type('06 12 34 56 78');
  await expect(page.getByTestId('phone-normalised')).toContainText('+212 6 12 34 56 78');
  await shot(page, 'registration');
  await page.keyboard.press('Enter');

  // Same phone, similar name: the desk is warned, and says it is someone else.
  const duplicates = page.getByRole('dialog', { name: fr.duplicates.title });
  await expect(duplicates).toBeVisible();
  await expect(duplicates.getByTestId('duplicate-candidate')).toContainText(known.code);
  await expect(duplicates.getByTestId('duplicate-candidate')).toContainText(fr.duplicates.reasons.phone);
  await expect(duplicates.getByTestId('duplicate-candidate')).toContainText('A. D.');
  await expect(duplicates).not.toContainText('Diallo');
  await shot(page, 'duplicates');
  await expect(duplicates.getByRole('button', { name: fr.duplicates.back })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(duplicates.getByRole('button', { name: fr.duplicates.registerAnyway })).toBeFocused();
  await page.keyboard.press('Enter');

  // The profile: her code, and her names (the lists never show them).
  const code = page.getByTestId('profile-code');
  await expect(code).toHaveText(/^NDR-\d{4}-0003$/);
  const visitorCode = (await code.textContent()) ?? '';
  await expect(page.getByTestId('profile-names')).toContainText('Aissatou Dialo');
  await expect(page.getByText(fill(fr.profile.interpreter, { language: fr.spokenLanguages.ff }))).toBeVisible();
  expect(await harness.ok('drafts.list', {})).toEqual([]);
  await shot(page, 'profile');

  // ── Consents: referrals were not given at registration; she agrees now.
  await page.getByRole('tab', { name: fr.profile.tabs.consents }).click();
  const referralsConsent = page.getByTestId('consent-row-referrals');
  await expect(referralsConsent.getByTestId('consent-state')).toHaveText(fr.consents.state.notGranted);
  await referralsConsent.getByRole('button', { name: fill(fr.consents.recordFor, { kind: fr.consentKinds.referrals.label }) }).click();
  await expect(referralsConsent.getByTestId('consent-state')).toHaveText(fr.consents.state.granted);
  await expect(page.getByTestId('consent-history').locator('tbody tr')).toHaveCount(5);
  await shot(page, 'profile-consents');

  // ── An intake: needs, urgency, a disclosure walked through the GBVIMS tree.
  await page.getByRole('button', { name: fr.intakes.new }).first().click();
  await expect(page.getByRole('heading', { name: fill(fr.intakes.formTitle, { code: visitorCode }) })).toBeVisible();
  await page.getByRole('checkbox', { name: fr.needs.psychosocial }).check();
  await page.getByRole('checkbox', { name: fr.needs.hygieneKit }).check();
  await page.getByRole('radio', { name: fr.urgencies.high }).check();
  await page.getByRole('checkbox', { name: fr.vulnerabilities.noShelter }).check();
  await page.getByRole('radio', { name: fr.disclosure.yes }).check();
  const tree = page.getByTestId('disclosure-tree');
  await expect(tree.getByTestId('tree-question')).toContainText(fr.violenceTypes.rape.question);
  await expect(tree.getByTestId('tree-question')).toContainText(fr.violenceTypes.rape.definition);
  await tree.getByRole('button', { name: fr.common.no, exact: true }).click();
  await expect(tree.getByTestId('tree-question')).toContainText(fr.violenceTypes.sexualAssault.question);
  await tree.getByRole('button', { name: fr.common.no, exact: true }).click();
  await shot(page, 'decision-tree');
  // "Yes" and "No" look alike, and focus lands on the question, so one more Enter answers nothing.
  for (const answer of [fr.common.yes, fr.common.no]) {
    await expect(tree.getByRole('button', { name: answer, exact: true })).toHaveAttribute('data-variant', 'default');
  }
  await expect(tree.getByTestId('tree-question').locator('.guichet-landing')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tree.getByTestId('tree-answers').locator('li')).toHaveCount(2);
  // The first "yes" gives the type, summed up to confirm; an answer can be taken back.
  await tree.getByRole('button', { name: fr.common.yes, exact: true }).click();
  await expect(tree.getByTestId('tree-summary')).toContainText(fr.violenceTypes.physicalAssault.label);
  await expect(tree.getByTestId('tree-result')).toHaveCount(0);
  await tree.getByRole('button', { name: fr.disclosure.back }).click();
  await expect(tree.getByTestId('tree-question')).toContainText(fr.violenceTypes.physicalAssault.question);
  await tree.getByRole('button', { name: fr.common.yes, exact: true }).click();
  // Saving before the type is confirmed is refused, and says why.
  await page.getByRole('button', { name: fr.intakes.submit }).click();
  await expect(tree.getByRole('alert')).toHaveText(fr.disclosure.toConfirm);
  await tree.getByRole('button', { name: fr.disclosure.confirm }).click();
  await expect(tree.getByTestId('tree-result')).toContainText(fr.violenceTypes.physicalAssault.label);
  await expect(page.getByRole('combobox', { name: fr.intakes.orientationLabel })).toHaveValue(fr.orientations.listeningUnit);
  await page.getByLabel(fr.intakes.deskNotes).fill('Arrivée avec deux enfants ; a besoin de couches.');
  await shot(page, 'intake');
  await page.getByRole('button', { name: fr.intakes.submit }).click();

  // Desk staff see "referred to the listening unit", never the type.
  const intake = page.getByTestId('intake-card');
  await expect(intake).toHaveCount(1);
  await expect(intake.getByTestId('intake-listening-unit')).toHaveText(fr.intakes.referredToListeningUnit);
  await expect(intake).toContainText(fr.needs.hygieneKit);
  await expect(intake.getByTestId('intake-violence-type')).toHaveCount(0);
  await expect(page.getByText(fr.violenceTypes.physicalAssault.label)).toHaveCount(0);

  // ── Edit history: the phone changes; who, when, which field, old → new.
  await page.getByRole('tab', { name: fr.profile.tabs.identity }).click();
  await page.getByRole('button', { name: fr.profile.edit }).click();
  await expect(page.getByLabel(fr.visitorFields.firstName)).toBeFocused();
  await page.getByRole('textbox', { name: fr.visitorFields.phone }).fill('+221 77 123 45 67');
  await page.getByRole('button', { name: fr.common.save }).click();
  const changes = page.getByTestId('changes-table');
  await expect(changes.locator('tbody tr')).toHaveCount(1);
  await expect(changes.locator('tbody tr')).toContainText(fr.visitorFields.phone);
  await expect(changes.locator('tbody tr')).toContainText('+212 6 12 34 56 78');
  await expect(changes.locator('tbody tr')).toContainText('+221 77 123 45 67');
  await expect(changes.locator('tbody tr')).toContainText('fatima');
  await shot(page, 'profile-changes');

  // ── A referral, and its printed slip (window.print stubbed to count the calls).
  await page.getByRole('button', { name: fr.referrals.new }).first().click();
  const referralForm = page.getByRole('dialog', { name: fill(fr.referrals.form.title, { code: visitorCode }) });
  await referralForm.getByRole('combobox', { name: fr.referrals.form.partner }).click();
  await page.getByRole('option', { name: /Cellule d'écoute/ }).click();
  await expect(referralForm.getByRole('combobox', { name: fr.referrals.form.service })).toHaveValue(fr.needs.psychosocial);
  await shot(page, 'referral-form');
  await referralForm.getByRole('button', { name: fr.referrals.form.submit }).click();
  await expect(page.getByTestId('referrals-table').getByTestId('referral-row')).toHaveCount(1);
  await expect(page.getByTestId('referral-status')).toHaveText(fr.referralStatuses.proposed);

  await page.getByTestId('referral-row').getByRole('button', { name: fr.referrals.changeStatus }).click();
  await page.getByRole('menuitem', { name: fr.referralStatusActions.sent }).click();
  await page.getByRole('dialog').getByRole('button', { name: fr.referralStatusActions.sent }).click();
  await expect(page.getByTestId('referral-status')).toHaveText(fr.referralStatuses.sent);

  await page.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; __printed: number };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });
  await page.getByTestId('referral-row').getByRole('button', { name: /Imprimer la fiche/ }).click();
  const slip = page.getByTestId('slip-preview');
  await expect(slip).toContainText(visitorCode);
  await expect(slip).toContainText('Aissatou Dialo');
  await expect(slip).toContainText("Cellule d'écoute psychosociale – Hôpital Al-Hassani");
  await expect(slip).toContainText('Hôpital Al-Hassani, Nador');
  await expect(slip).toContainText(fr.needs.psychosocial);
  await expect(slip).toContainText(`${fr.spokenLanguages.ff}${fr.common.listSeparator}${fr.spokenLanguages.fr}`);
  await expect(slip).toContainText('Fatima Zahra');
  for (const type of Object.values(fr.violenceTypes)) await expect(slip).not.toContainText(type.label);
  await expect(slip).not.toContainText(fr.disclosure.question);
  await shot(page, 'slip');
  const slipDialog = page.getByRole('dialog', { name: fr.slip.previewTitle });
  await slipDialog.getByRole('button', { name: fr.slip.print, exact: true }).click();
  expect(await page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
  // On paper, the slip alone: the app around it is not printed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.guichet-print-only')).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  await shot(page, 'slip-print');
  await page.emulateMedia({ media: 'screen' });
  await slipDialog.getByRole('button', { name: fr.common.close }).last().click();

  // ── Search by a fragment, in Latin and in Arabic script; too short is a hint, not an error.
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  const search = page.getByTestId('visitor-search');
  const status = page.getByTestId('visitor-search-status');
  const rows = page.getByTestId('visitor-list').getByRole('row');
  await search.fill('aissa');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(visitorCode);
  await expect(page.getByTestId('visitor-list')).not.toContainText('Aissatou');
  await expect(page.getByTestId('visitor-list')).toContainText('Guinée');
  await search.fill('فاطم');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('ف. ع.');
  // Screen readers hear the count from one polite region once typing settles; the visible status is no live region.
  const announcement = page.getByTestId('visitor-search-announcement');
  await expect(announcement).toHaveAttribute('aria-live', 'polite');
  await expect(announcement).toHaveText(fill(fr.visitors.search.results_one, { count: 1 }));
  await expect(status).not.toHaveAttribute('aria-live');
  // A name is shown only on purpose, for one row, and the showing is audited.
  // Read straight from the session's database: the desk worker may not list the audit log herself.
  const auditedReveals = async () =>
    (harness.desk.requireSession().db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'visitors.revealName'`).get() as { n: number }).n;
  const revealsBefore = await auditedReveals();
  await rows.first().getByRole('button', { name: fill(fr.visitors.showNameOf, { code: '' }).trim() }).click();
  await expect(page.getByTestId('revealed-name')).toHaveText('فاطمة عبد الرحمن');
  expect(await auditedReveals()).toBe(revealsBefore + 1);
  await shot(page, 'visitors-search');
  await rows.first().getByRole('button', { name: fill(fr.visitors.hideNameOf, { code: '' }).trim() }).click();
  await expect(page.getByTestId('revealed-name')).toHaveCount(0);
  // Typed key by key without a pause: what stays on screen answers the whole text, never a part of it.
  const results = page.getByTestId('visitor-results');
  await search.fill('');
  await search.pressSequentially('aissatou');
  await expect(results).toHaveAttribute('data-query', 'aissatou');
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('visitor-list')).toContainText(visitorCode);
  // Under 3 characters the hint is there at once: nothing is asked of the core.
  await search.fill('a');
  await expect(status).toHaveText(fr.visitors.search.tooShort);
  await expect(results).toHaveAttribute('data-query', 'a');
  await search.fill('!!!');
  await expect(status).toHaveText(fr.visitors.search.tooShort);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Arrow down from the search box, Enter on a row: the profile.
  await search.fill(visitorCode.slice(-7));
  await expect(rows).toHaveCount(1);
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(code).toHaveText(visitorCode);

  // ── A lock in the middle of an intake: the draft comes back after the next login.
  await page.getByRole('button', { name: fr.intakes.new }).first().click();
  await page.getByRole('checkbox', { name: fr.needs.foodKit }).check();
  await page.getByRole('radio', { name: fr.urgencies.medium }).check();
  await page.getByLabel(fr.intakes.deskNotes).fill('Revenir demain pour le kit bébé');
  await page.keyboard.press('Control+KeyL');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByLabel(fr.lock.password, { exact: true }).fill(fatima.password);
  await page.getByLabel(fr.lock.password, { exact: true }).press('Enter');
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await expect(page.getByLabel(fr.intakes.deskNotes)).toHaveValue('');
  // Elsewhere, the notice names the visitor; "Resume" brings every field back.
  await nav(page).getByRole('link', { name: fr.nav.home }).click();
  const notice = page.getByTestId('drafts-notice');
  await expect(notice).toContainText(visitorCode);
  await shot(page, 'draft-notice');
  await notice.getByRole('button', { name: fr.drafts.resume }).click();
  await expect(page.getByLabel(fr.intakes.deskNotes)).toHaveValue('Revenir demain pour le kit bébé');
  await expect(page.getByRole('checkbox', { name: fr.needs.foodKit })).toBeChecked();
  await expect(page.getByRole('radio', { name: fr.urgencies.medium })).toBeChecked();
  await page.getByRole('combobox', { name: fr.intakes.orientationLabel }).click();
  await page.getByRole('option', { name: fr.orientations.internalService }).click();
  await page.getByRole('button', { name: fr.intakes.submit }).click();
  await expect(page.getByTestId('intake-card')).toHaveCount(2);
  await expect(page.getByTestId('drafts-notice')).toHaveCount(0);
  expect(await harness.ok('drafts.list', {})).toEqual([]);

  // ── The psychologist sees the type of violence; the timeline gathers everything.
  await switchTo(page, salma);
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  await page.getByTestId('visitor-search').fill(visitorCode);
  await page.getByTestId('visitor-list').getByRole('link', { name: visitorCode }).click();
  await page.getByRole('tab', { name: /Entretiens/ }).click();
  await expect(page.getByTestId('intake-violence-type')).toHaveText(fill(fr.intakes.violenceType, { type: fr.violenceTypes.physicalAssault.label }));
  await page.getByRole('tab', { name: fr.profile.tabs.timeline }).click();
  await expect(page.getByTestId('timeline')).toContainText(fill(fr.timeline.registered, { code: visitorCode }));
  await expect(page.getByTestId('timeline')).toContainText(fill(fr.timeline.referral, { partner: "Cellule d'écoute psychosociale – Hôpital Al-Hassani" }));
  await shot(page, 'profile-timeline');

  expect(dialogs).toEqual([]);
});

test('bad input is shown clearly, and nothing harmful runs: dates, required sex, long text, payloads, phone, visit date, consent, anonymising twice', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const { fatima } = await team(harness);
  await signIn(harness, fatima);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await harness.open();
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  await page.getByRole('button', { name: fr.visitors.new }).click();
  await page.getByTestId('consent-dataProcessing').check();
  const submit = page.getByRole('button', { name: fr.registration.submit });
  const firstName = page.getByRole('textbox', { name: fr.visitorFields.firstName });
  const birthYear = page.getByLabel(fr.visitorFields.birthYear, { exact: true });
  const phone = page.getByRole('textbox', { name: fr.visitorFields.phone });

  // A name typed, then consent unticked (which clears it): no draft keeps what she took back.
  await firstName.fill('Nafissatou');
  await expect.poll(async () => (await harness.ok('drafts.list', {})).length).toBe(1);
  await page.getByTestId('consent-dataProcessing').uncheck();
  await expect(firstName).toHaveValue('');
  await expect.poll(async () => (await harness.ok('drafts.list', {})).length).toBe(0);
  await page.getByTestId('consent-dataProcessing').check();

  // The registration keeps its draft across a lock too, offered back on the same form.
  await firstName.fill('Mariama');
  await page.keyboard.press('Control+KeyL');
  await page.getByLabel(fr.lock.password, { exact: true }).fill(fatima.password);
  await page.getByLabel(fr.lock.password, { exact: true }).press('Enter');
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await expect(page.getByRole('button', { name: fr.drafts.resume })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(firstName).toHaveValue('Mariama');
  await expect(page.getByTestId('consent-dataProcessing')).toBeChecked();

  // Sex is required; a 10,000-character name is refused on its field.
  await firstName.fill('a'.repeat(10_000));
  await submit.click();
  await expect(page.getByText(fr.fields.tooLong)).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: fr.visitorFields.sex })).toHaveAccessibleDescription(fr.fields.required);
  await expect(firstName).toBeFocused();

  // A birth year in the future, or more than 110 years ago; a phone that is not one.
  await firstName.fill('Mariama');
  await page.getByRole('radio', { name: fr.sexes.female }).check();
  await birthYear.fill(String(new Date().getFullYear() + 1));
  await phone.fill('appelle-moi');
  await expect(page.getByText(fr.visitorFields.phoneUnrecognised)).toBeVisible();
  await submit.click();
  await expect(page.getByText(fr.fields.birthYear.future)).toBeVisible();
  await expect(page.getByText(fr.fields.phone.invalid)).toBeVisible();
  await expect(birthYear).toBeFocused();
  await shot(page, 'registration-errors');
  await birthYear.fill(String(new Date().getFullYear() - 111));
  await submit.click();
  await expect(page.getByText(fr.fields.birthYear.tooOld)).toBeVisible();
  expect((await harness.ok('visitors.recent', {})).length).toBe(0);

  // HTML and script payloads are only text; direction overrides and zero-width characters are taken out.
  await firstName.fill('<img src=x onerror=alert(1)>');
  await page.getByRole('textbox', { name: fr.visitorFields.lastName, exact: true }).fill('Di\u202Eollad\u200B');
  await page.getByRole('textbox', { name: fr.visitorFields.alias }).fill('<script>alert(2)</script>');
  await birthYear.fill('1990');
  await phone.fill('');
  await submit.click();
  const names = page.getByTestId('profile-names');
  await expect(names).toContainText('<img src=x onerror=alert(1)> Diollad');
  await expect(names).toContainText('<script>alert(2)</script>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main script')).toHaveCount(0);
  const visitorCode = (await page.getByTestId('profile-code').textContent()) ?? '';

  // A visit after today cannot be given: typed, the day is not taken (the field keeps
  // today once she moves on), and the calendar offers no later day.
  await page.getByRole('button', { name: fr.intakes.new }).first().click();
  const visitDate = page.getByLabel(fr.intakes.visitDate);
  await visitDate.fill('01/01/2099');
  await page.keyboard.press('Tab');
  await expect(visitDate).not.toHaveValue(/2099/);
  await expect(visitDate).not.toHaveValue('');
  // Should the desk's clock be a day behind the screen's, main refuses today as a day to
  // come: its error lands on the date, which gets the focus.
  harness.setDeskClock(new Date(Date.now() - 86_400_000));
  await page.getByRole('radio', { name: fr.urgencies.low }).check();
  await page.getByRole('combobox', { name: fr.intakes.orientationLabel }).click();
  await page.getByRole('option', { name: fr.orientations.informationOnly }).click();
  await page.getByRole('button', { name: fr.intakes.submit }).click();
  await expect(page.getByText(fr.fields.visitDate.future)).toBeVisible();
  await expect(visitDate).toBeFocused();
  // The focus alone opens no calendar over the error and the fields below; a click does.
  await expect(page.locator('[data-dates-dropdown]')).toBeHidden();
  await shot(page, 'intake-future-date');
  harness.setDeskClock(new Date());
  // Abandoning asks first, with Cancel under the focus: Enter keeps the form.
  await page.getByTestId('intake-abandon').click();
  const abandoning = page.getByRole('dialog', { name: fr.intakes.abandonConfirm.title });
  await expect(abandoning.getByRole('button', { name: fr.common.cancel })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(abandoning).toBeHidden();
  await expect(visitDate).toBeVisible();
  await page.getByTestId('intake-abandon').click();
  await abandoning.getByRole('button', { name: fr.intakes.abandonConfirm.confirm }).click();

  // A referral without the visitor's consent: the desk is told why, and cannot send it.
  await page.getByRole('button', { name: fr.referrals.new }).first().click();
  const referral = page.getByRole('dialog', { name: fill(fr.referrals.form.title, { code: visitorCode }) });
  await expect(referral.getByTestId('referral-no-consent')).toContainText(fr.referrals.form.noConsentDesk);
  await expect(referral.getByRole('button', { name: fr.referrals.form.submit })).toBeDisabled();
  await shot(page, 'referral-no-consent');
  await referral.getByRole('button', { name: fr.common.cancel }).click();

  // An administrator may override the missing consent, with a reason (audited).
  await switchTo(page, { login: ADMIN.login, password: ADMIN.password });
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  await page.getByTestId('visitor-list').getByRole('link', { name: visitorCode }).click();
  await expect(page.getByTestId('profile-names')).toBeVisible();
  await page.getByRole('button', { name: fr.referrals.new }).first().click();
  await expect(referral.getByTestId('referral-no-consent')).toContainText(fr.referrals.form.noConsentOverride);
  await referral.getByRole('combobox', { name: fr.referrals.form.partner }).click();
  await page.getByRole('option', { name: /Direction provinciale/ }).click();
  await referral.getByRole('button', { name: fr.referrals.form.submit }).click();
  await expect(referral.getByText(fr.fields.referrals.consentRequired)).toBeVisible();
  await referral.getByRole('textbox', { name: fr.referrals.form.overrideReason }).fill('Urgence médicale : suivi de grossesse.');
  await referral.getByRole('button', { name: fr.referrals.form.submit }).click();
  await expect(page.getByTestId('referral-row')).toContainText(fr.referrals.consentOverridden);

  // Anonymising twice: the second time says so, and changes nothing.
  const { id } = (await harness.ok('visitors.search', { query: visitorCode })).items[0];
  await harness.ok('visitors.anonymise', { id });
  await page.getByRole('button', { name: fr.anonymisation.action }).click();
  const confirm = page.getByRole('dialog', { name: fill(fr.anonymisation.confirmTitle, { code: visitorCode }) });
  await expect(confirm).toContainText(fr.anonymisation.confirmMessage);
  await confirm.getByRole('button', { name: fr.anonymisation.confirm }).click();
  await expect(confirm.getByRole('alert')).toHaveText(fr.errors.visitors.alreadyAnonymised);
  await shot(page, 'anonymise-twice');
  await confirm.getByRole('button', { name: fr.common.cancel }).click();
  await expect(page.getByTestId('anonymised-banner')).toBeVisible();
  await expect(page.getByTestId('profile-names')).toHaveCount(0);
  // Every field the table says anonymisation erases reads "erased" on the profile, never its empty value ("0 children").
  await page.getByRole('tab', { name: fr.profile.tabs.identity }).click();
  for (const name of VISITOR_FIELD_NAMES.filter((field) => VISITOR_FIELDS[field].shownOnProfile && VISITOR_FIELDS[field].erasedOnAnonymisation && field !== 'birthYear')) {
    await expect(page.locator(`[data-field="${name}"]`), name).toHaveText(fr.profile.erased);
  }

  expect(dialogs).toEqual([]);
});

test('withdrawing consent to data processing asks first, says what will be erased, keeps Cancel under Enter, then erases it', async ({ page, harness }) => {
  const { fatima } = await team(harness);
  await signIn(harness, fatima);
  const { id, code } = await harness.ok('visitors.register', {
    fields: { firstName: 'Kadiatou', lastName: 'Bah', alias: 'Kadi', sex: 'female', birthYear: 1988, nationality: 'GN', phone: '0612345678', childrenCount: 2, housing: 'shelter' },
    consents: ALL_CONSENTS,
  });
  await harness.open();
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  await page.getByTestId('visitor-search').fill(code);
  await page.getByTestId('visitor-list').getByRole('link', { name: code }).click();
  await page.getByRole('tab', { name: fr.profile.tabs.consents }).click();
  const dataProcessing = page.getByTestId('consent-row-dataProcessing');
  const withdraw = dataProcessing.getByRole('button', { name: fill(fr.consents.withdrawFor, { kind: fr.consentKinds.dataProcessing.label }) });
  const confirm = page.getByRole('dialog', { name: fr.consents.withdrawDataProcessing.title });
  const text = fr.consents.withdrawDataProcessing;

  // Asked first, in plain words: what goes for good, what stays. Cancel has the focus, so Enter keeps everything.
  await withdraw.click();
  await expect(confirm).toContainText(fill(text.message, { code }));
  await expect(confirm.getByTestId('erasure-list').getByRole('listitem')).toHaveText([text.erasedNames, text.erasedSituation, text.erasedNotes]);
  await expect(confirm).toContainText(text.kept);
  await expect(confirm.getByRole('button', { name: fr.common.cancel })).toBeFocused();
  await shot(page, 'consent-withdraw-confirm');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await withdraw.click();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(dataProcessing.getByTestId('consent-state')).toHaveText(fr.consents.state.granted);
  expect((await harness.ok('visitors.get', { id })).visitor.fields).toMatchObject({ firstName: 'Kadiatou', phone: '+212612345678', childrenCount: 2 });

  // Confirmed: erased, and the profile says so at once.
  await withdraw.click();
  await confirm.getByRole('button', { name: text.confirm }).click();
  await expect(confirm).toBeHidden();
  await expect(dataProcessing.getByTestId('consent-state')).toHaveText(fr.consents.state.notGranted);
  await expect(page.getByTestId('profile-names')).toHaveCount(0);
  await expect(page.getByText(fr.profile.noNames)).toBeVisible();
  await expect(page.getByTestId('profile-code')).toHaveText(code);
  expect((await harness.ok('visitors.get', { id })).visitor.fields).toMatchObject({
    firstName: null,
    lastName: null,
    alias: null,
    phone: null,
    childrenCount: 0,
    housing: null,
    sex: 'female',
    birthYear: 1988,
    nationality: 'GN',
  });

  // Any other consent is withdrawn without the question: it erases nothing.
  const referrals = page.getByTestId('consent-row-referrals');
  await referrals.getByRole('button', { name: fill(fr.consents.withdrawFor, { kind: fr.consentKinds.referrals.label }) }).click();
  await expect(referrals.getByTestId('consent-state')).toHaveText(fr.consents.state.notGranted);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('administration: partners, anonymisation of inactive records, follow-ups due, visitor settings', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const { fatima } = await team(harness);
  await signIn(harness, fatima);
  const old = await harness.ok('visitors.register', { fields: { firstName: 'Kadiatou', lastName: 'Bah', sex: 'female', birthYear: 1988, nationality: 'GN' }, consents: ALL_CONSENTS });
  await harness.ok('visitors.register', { fields: { alias: 'Maman Awa', sex: 'female', birthYear: 1979, nationality: 'CI' }, consents: ALL_CONSENTS });
  // Two years and a month later, both are past the 24 months of retention.
  harness.advanceDeskClock(25 * 31 * 86_400_000);
  await signIn(harness, fatima);
  const recent = await harness.ok('visitors.register', { fields: { firstName: 'Grace', sex: 'female', birthYear: 2000, nationality: 'NG' }, consents: ALL_CONSENTS });
  const partners = await harness.ok('partners.list', {});
  // Today on the desk's own clock (moved 25 months ahead above): the follow-ups page counts by it.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(harness.desk.now());
  await harness.ok('referrals.create', { visitorId: recent.id, partnerId: partners[1].id, service: 'maternalHealth', referredOn: today, followUpOn: today });
  await signIn(harness, ADMIN);
  await harness.open();
  await expect(nav(page).getByRole('link')).toHaveText([
    fr.nav.home,
    fr.nav.visitors,
    fr.nav.followUps,
    fr.nav.schedule,
    fr.nav.reassign,
    fr.nav.partners,
    fr.nav.activities,
    fr.nav.events,
    fr.nav.account,
    fr.nav.users,
    fr.nav.places,
    fr.nav.sessionKinds,
    fr.nav.activityKinds,
    fr.nav.interpreters,
    fr.nav.teamHours,
    fr.nav.anonymisation,
    fr.nav.audit,
    fr.nav.settings,
    fr.nav.backups,
    fr.nav.notesAccess,
  ]);

  // Follow-ups due today.
  await nav(page).getByRole('link', { name: fr.nav.followUps }).click();
  const due = page.getByTestId('follow-ups-table').getByTestId('referral-row');
  await expect(due).toHaveCount(1);
  await expect(due).toContainText(recent.code);
  await expect(due).toContainText(fr.referrals.dueToday);

  // Partners: an administrator adds one, then deactivates it.
  await nav(page).getByRole('link', { name: fr.nav.partners }).click();
  await expect(page.getByTestId('partner-row')).toHaveCount(4);
  await page.getByRole('button', { name: fr.partners.create }).click();
  const form = page.getByRole('dialog', { name: fr.partners.form.createTitle });
  await form.getByRole('button', { name: fr.partners.form.create }).click();
  await expect(form.getByText(fr.fields.required).first()).toBeVisible();
  await form.getByLabel(fr.partners.form.name).fill('Association Tanmia');
  await form.getByRole('combobox', { name: fr.partners.form.kind }).click();
  await page.getByRole('option', { name: fr.partnerKinds.association }).click();
  await form.getByRole('checkbox', { name: fr.needs.legal }).check();
  await form.getByRole('textbox', { name: fr.partners.form.phone }).fill('0536 60 00 00');
  await form.getByRole('button', { name: fr.partners.form.create }).click();
  const tanmia = page.getByTestId('partner-row').filter({ hasText: 'Association Tanmia' });
  await expect(tanmia).toContainText('+212 5 36 60 00 00');
  await tanmia.getByRole('button', { name: fill(fr.partners.actionsFor, { name: 'Association Tanmia' }) }).click();
  await page.getByRole('menuitem', { name: fr.partners.deactivate }).click();
  await page.getByRole('dialog', { name: fr.partners.deactivateConfirm.title }).getByRole('button', { name: fr.partners.deactivate }).click();
  await expect(tanmia).toContainText(fr.partners.inactive);

  // Anonymisation: the inactive records are offered; nothing goes without a confirmation that says it is for good.
  await nav(page).getByRole('link', { name: fr.nav.anonymisation }).click();
  const candidates = page.getByTestId('anonymisation-row');
  await expect(candidates).toHaveCount(2);
  await expect(page.getByTestId('anonymisation-table')).not.toContainText('Kadiatou');
  await candidates.filter({ hasText: old.code }).getByRole('button', { name: fill(fr.anonymisation.actionFor, { code: old.code }) }).click();
  const confirm = page.getByRole('dialog', { name: fill(fr.anonymisation.confirmTitle, { code: old.code }) });
  await expect(confirm).toContainText('irréversible');
  await confirm.getByRole('button', { name: fr.anonymisation.confirm }).click();
  await expect(candidates).toHaveCount(1);

  // Its profile: a clear banner, no name left, nothing to edit.
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  await page.getByTestId('visitor-search').fill(old.code);
  await page.getByTestId('visitor-list').getByRole('link', { name: old.code }).click();
  await expect(page.getByTestId('anonymised-banner')).toBeVisible();
  await expect(page.getByText('Kadiatou')).toHaveCount(0);
  await expect(page.getByRole('button', { name: fr.anonymisation.action })).toHaveCount(0);
  await expect(page.getByRole('button', { name: fr.referrals.new })).toHaveCount(0);
  await expect(page.getByRole('button', { name: fr.intakes.new })).toHaveCount(0);

  // Settings: the visitor code prefix and the retention months, checked by main.
  await nav(page).getByRole('link', { name: fr.nav.settings }).click();
  const prefix = page.getByLabel(fr.settings.codePrefix);
  const months = page.getByLabel(fr.settings.retentionMonths);
  await expect(prefix).toHaveValue('NDR');
  await expect(months).toHaveValue('24');
  await prefix.fill('n1');
  await months.fill('3');
  await page.getByRole('button', { name: fr.common.save }).click();
  await expect(page.getByText(fr.fields.codePrefix.invalid)).toBeVisible();
  await expect(page.getByText(fr.fields.retention.range)).toBeVisible();
  await prefix.fill('ndr');
  await expect(prefix).toHaveValue('NDR');
  await prefix.fill('gch');
  await months.fill('36');
  await page.getByRole('button', { name: fr.common.save }).click();
  await expect(page.getByText(fr.settings.saved)).toBeVisible();
  expect(await harness.ok('settings.get', {})).toMatchObject({ visitorCodePrefix: 'GCH', retentionMonths: 36 });
});

test('2,000 visitors: the list draws only the rows in view, and scrolls', async ({ page, harness }) => {
  const { fatima } = await team(harness);
  await signIn(harness, fatima);
  seedVisitors(harness.desk.requireSession().db, { visitors: 2000, seed: 7, actorId: fatima.id, prefix: 'NDR', now: new Date() });
  await harness.open();
  await nav(page).getByRole('link', { name: fr.nav.visitors }).click();
  const table = page.getByTestId('visitor-table');
  const rows = page.getByTestId('visitor-list').getByRole('row');
  await expect(table).toHaveAttribute('aria-rowcount', '51');
  await page.getByTestId('visitor-search').fill('ndr');
  await expect(page.getByTestId('visitor-search-status')).toHaveText(fill(fr.visitors.search.more_other, { count: 500 }));
  await expect(table).toHaveAttribute('aria-rowcount', '501');
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(40);
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  await shot(page, 'visitors-many');

  // Scrolling draws the rows further down, and only those.
  await page.getByTestId('visitor-list').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(page.getByTestId('visitor-list').locator('[aria-rowindex="501"]')).toBeVisible();
  await expect(page.getByTestId('visitor-list').locator('[aria-rowindex="2"]')).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(40);
  // The keyboard too: Home goes back to the first row.
  await page.getByTestId('visitor-list').locator('[aria-rowindex="501"] a').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('visitor-list').locator('[aria-rowindex="2"] a')).toBeFocused();
  await expectAccessible(page, 'visitors with 500 results');
});
