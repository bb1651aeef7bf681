import type { Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language } from '../../shared/domain/accounts';
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test, type Harness } from './fixtures';

/** The referral slip: in the partner's language, printed from a button always in sight, the print audited. */
const T = { fr, ar, en } as const;
const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

test.use({ viewport: { width: 1280, height: 720 } });

/** A desk worker in `language` with one referral of Aïssatou فاطمة to a partner; the page opens its slip. */
async function referralOpen(page: Page, harness: Harness, language: Language) {
  await harness.seedAdmin(language);
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], language);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const visitor = await harness.ok('visitors.register', {
    fields: { firstName: 'Aïssatou', lastName: 'فاطمة', sex: 'female', birthYear: 1994, nationality: 'GN', languages: ['ff', 'fr'], interpreterNeeded: true, interpreterLanguage: 'ff' },
    consents: ALL_CONSENTS,
  });
  const partners = await harness.ok('partners.list', {});
  const referral = await harness.ok('referrals.create', { visitorId: visitor.id, partnerId: partners[0].id, service: 'maternalHealth', referredOn: '2026-11-02' });
  await harness.open();
  await page.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; __printed: number; dispatchEvent(event: unknown): void };
    w.__printed = 0;
    // As the browser does once the print dialog is done.
    w.print = () => {
      w.__printed += 1;
      w.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/visitors/${id}`;
  }, visitor.id);
  const t = T[language];
  await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.referrals}`) }).click();
  await page.getByTestId('referral-row').getByRole('button', { name: t.referrals.printSlipFor.replace('{{partner}}', partners[0].name) }).click();
  const dialog = page.getByRole('dialog', { name: t.slip.previewTitle });
  await expect(dialog.getByTestId('slip-preview')).toContainText(visitor.code);
  return { dialog, referral, visitor, fatima };
}

/** The slip's print entries, read as an administrator (the page's session ends here). */
async function printEntries(harness: Harness) {
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
  const { entries } = await harness.ok('audit.list', { action: 'referrals.slipPrinted', limit: 10 });
  return entries.map((entry) => [entry.userLogin, entry.entityId, entry.detail]);
}

test('the slip is written in the language chosen for the partner, and its print (not its opening) is audited', async ({ page, harness }) => {
  const { dialog, referral, fatima } = await referralOpen(page, harness, 'fr');
  const slip = dialog.getByTestId('slip-preview');
  const print = dialog.getByRole('button', { name: fr.slip.print, exact: true });

  // In her language first, and the button to print in sight without scrolling.
  await expect(slip).toHaveAttribute('dir', 'ltr');
  await expect(slip).toContainText(fr.slip.title);
  await expect(slip).toContainText(fr.needs.maternalHealth);
  await expect(print).toBeInViewport({ ratio: 1 });
  await closeToasts(page);
  await screenshot(page, 'slip-lang-fr');
  await expectAccessible(page, 'slip');

  // For a partner who reads Arabic: the slip changes, the app around it does not.
  await dialog.getByRole('combobox', { name: fr.slip.language }).click();
  await page.getByRole('option', { name: fr.languageNames.ar }).click();
  await expect(slip).toHaveAttribute('dir', 'rtl');
  await expect(slip).toHaveAttribute('lang', 'ar');
  await expect(slip).toContainText(ar.slip.title);
  await expect(slip).toContainText(ar.needs.maternalHealth);
  await expect(slip).toContainText(`${ar.spokenLanguages.ff}${ar.common.listSeparator}${ar.spokenLanguages.fr}`);
  await expect(slip).not.toContainText(fr.slip.title);
  await expect(slip.locator('bdi', { hasText: 'Aïssatou فاطمة' })).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(dialog.getByRole('heading', { name: fr.slip.previewTitle })).toBeVisible();
  await expect(print).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'slip-lang-ar');

  // The paper copy is the same slip, in Arabic too.
  await expect(page.locator('.guichet-print-only .guichet-slip')).toHaveAttribute('lang', 'ar');
  await print.click();
  expect(await page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
  await expect.poll(() => printEntries(harness)).toEqual([[fatima.login, String(referral.id), 'ar']]);
});

test('in Arabic, the slip opens in Arabic, mirrored, with its print button in sight', async ({ page, harness }) => {
  const { dialog } = await referralOpen(page, harness, 'ar');
  const slip = dialog.getByTestId('slip-preview');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(slip).toHaveAttribute('dir', 'rtl');
  await expect(slip).toContainText(ar.slip.title);
  await expect(dialog.getByRole('combobox', { name: ar.slip.language })).toHaveValue(ar.languageNames.ar);
  await expect(dialog.getByRole('button', { name: ar.slip.print, exact: true })).toBeInViewport({ ratio: 1 });
  await closeToasts(page);
  await screenshot(page, 'slip-lang-ar');
  await expectAccessible(page, 'slip');

  // And in French for a French-speaking partner, left to right inside the mirrored app.
  await dialog.getByRole('combobox', { name: ar.slip.language }).click();
  await page.getByRole('option', { name: ar.languageNames.fr }).click();
  await expect(slip).toHaveAttribute('dir', 'ltr');
  await expect(slip).toContainText(fr.slip.title);
  await screenshot(page, 'slip-lang-fr');
});
