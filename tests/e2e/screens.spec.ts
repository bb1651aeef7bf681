import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { VAULT_FILE } from '../../main/core/desk';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { ADMIN, closeToasts, expect, expectAccessible, loadedFontFamilies, screenshot, test } from './fixtures';

/**
 * Every screen, in French, Arabic and English: a screenshot under test-results/screens/
 * and an axe check (French and Arabic). The words come from the translation files themselves.
 */
const T = { fr, ar, en } as const;
const DIR = { fr: 'ltr', ar: 'rtl', en: 'ltr' } as const;

/** Toasts closed, then a screenshot and axe. */
async function check(page: Page, name: string): Promise<void> {
  await closeToasts(page);
  await screenshot(page, name);
  // English has the French screens' structure: its screenshots are looked at, axe runs on fr and ar.
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await expectAccessible(page, name);
}

/** Picks an item of the open menu and waits until the menu has faded out of the page. */
async function choose(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page.locator('[role="menu"]')).toHaveCount(0);
}

for (const lang of ['fr', 'ar', 'en'] as const) {
  const t = T[lang];

  test(`every screen of the desk, in ${lang}`, async ({ page, harness }) => {
    // A walk through every screen with axe on each: minutes on a loaded 2-core machine, and growing with each job's screens.
    test.setTimeout(300_000);
    await harness.open();

    // First run, in the chosen language.
    await expect(page.getByRole('heading', { name: fr.setup.title })).toBeVisible();
    if (lang !== 'fr') await page.getByText(t.languageNames[lang], { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', DIR[lang]);
    await expect(page.getByRole('heading', { name: t.setup.title })).toBeVisible();
    await check(page, 'setup');

    await page.getByRole('button', { name: t.setup.submit }).click();
    await expect(page.getByText(t.fields.required).first()).toBeVisible();
    // The first wrong field, in the order she reads them, has the keyboard.
    await expect(page.getByLabel(t.setup.organisation)).toBeFocused();
    await screenshot(page, 'setup-errors');

    await page.getByLabel(t.setup.organisation).fill(ADMIN.organisationName);
    await page.getByLabel(t.setup.displayName).fill(ADMIN.displayName);
    await page.getByLabel(t.setup.login, { exact: true }).fill(ADMIN.login);
    await page.getByLabel(t.setup.password, { exact: true }).fill(ADMIN.password);
    await page.getByLabel(t.setup.confirm).fill(ADMIN.password);
    await page.getByRole('button', { name: t.setup.submit }).click();
    await expect(page.getByRole('heading', { name: t.recoveryKey.title })).toBeVisible();
    await check(page, 'recovery-key');
    const groups = await page.getByTestId('recovery-key').locator('[data-group]').allTextContents();

    await page.getByRole('button', { name: t.recoveryKey.written }).click();
    const asked = page.locator('input[data-group]');
    await asked.nth(0).fill('0000');
    await asked.nth(1).fill(groups[Number(await asked.nth(1).getAttribute('data-group')) - 1]);
    await page.getByRole('button', { name: t.recoveryKey.confirm }).click();
    await expect(page.getByText(t.fields.recovery.groupMismatch)).toBeVisible();
    await check(page, 'recovery-confirm');
    await asked.nth(0).fill(groups[Number(await asked.nth(0).getAttribute('data-group')) - 1]);
    await page.getByRole('button', { name: t.recoveryKey.confirm }).click();

    // The team, seeded through the router: a desk worker and a psychologist.
    await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], lang);
    await harness.seedUser('salma', 'Salma Idrissi', ['psychologist', 'desk'], lang);

    const home = page.getByRole('heading', { name: t.home.greeting.replace('{{name}}', ADMIN.displayName) });
    await expect(home).toBeVisible();
    await check(page, 'home');
    // Arabic is drawn with the bundled Noto Sans Arabic (even in French: the name العربية), Latin with Noto Sans.
    expect(await loadedFontFamilies(page)).toEqual(['Noto Sans', 'Noto Sans Arabic']);
    await expect(home).toHaveCSS('font-family', lang === 'ar' ? /^"Noto Sans Arabic"/ : /^"Noto Sans"/);

    const nav = page.getByRole('navigation', { name: t.shell.navigation });
    await nav.getByRole('link', { name: t.nav.account }).click();
    await expect(page.getByRole('heading', { name: t.account.title, level: 1 })).toBeVisible();
    await check(page, 'account');

    await nav.getByRole('link', { name: t.nav.users }).click();
    await expect(page.getByTestId('user-row-salma')).toBeVisible();
    await check(page, 'users');

    await page.getByRole('button', { name: t.users.create }).click();
    const form = page.getByRole('dialog', { name: t.users.form.createTitle });
    await form.getByRole('checkbox', { name: t.roles.desk }).uncheck();
    await form.getByRole('button', { name: t.users.form.create }).click();
    await expect(form.getByText(t.fields.roles.required)).toBeVisible();
    await check(page, 'users-create');
    await form.getByLabel(t.users.form.displayName).fill('Nadia El Amrani');
    await form.getByLabel(t.users.form.login, { exact: true }).fill('nadia');
    await form.getByRole('checkbox', { name: t.roles.desk }).check();
    await form.getByRole('button', { name: t.users.form.create }).click();
    const otp = page.getByRole('dialog', { name: t.users.otp.title });
    await expect(otp).toBeVisible();
    await check(page, 'users-otp');
    const nadiaOneTime = (await page.getByTestId('one-time-password').locator('[data-group]').allTextContents()).join('-');
    await otp.getByRole('button', { name: t.users.otp.done }).click();
    await expect(otp).toBeHidden();

    const salmaActions = page.getByTestId('user-row-salma').getByRole('button', { name: t.users.actionsFor.replace('{{name}}', 'Salma Idrissi') });
    await salmaActions.click();
    // The open menu is a screen too: focus on its first item, as the ARIA menu button pattern asks.
    await expect(page.getByRole('menuitem', { name: t.users.actions.edit })).toBeFocused();
    await check(page, 'users-menu');
    await choose(page, t.users.actions.edit);
    const edit = page.getByRole('dialog', { name: t.users.form.editTitle });
    await expect(edit.getByLabel(t.users.form.displayName)).toHaveValue('Salma Idrissi');
    await screenshot(page, 'users-edit');
    await edit.getByRole('button', { name: t.common.cancel }).click();
    await expect(edit).toBeHidden();

    // Her own account: the name can change, the roles are shown but only another administrator may change them.
    await page.getByTestId(`user-row-${ADMIN.login}`).getByRole('button', { name: t.users.actionsFor.replace('{{name}}', ADMIN.displayName) }).click();
    await choose(page, t.users.actions.editName);
    await expect(edit.getByRole('checkbox', { name: t.roles.admin })).toBeDisabled();
    await expect(edit.getByText(t.users.form.ownRolesFixed)).toBeVisible();
    // At the desk laptop's 1280×720 the explanation and every role still fit.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 720 });
    await check(page, 'users-edit-self');
    if (viewport) await page.setViewportSize(viewport);
    await edit.getByRole('button', { name: t.common.cancel }).click();
    await expect(edit).toBeHidden();

    await salmaActions.click();
    await choose(page, t.users.actions.disable);
    const disable = page.getByRole('dialog', { name: t.users.disableConfirm.title });
    await expect(disable).toBeVisible();
    await check(page, 'users-disable');
    await disable.getByRole('button', { name: t.users.actions.disable }).click();
    await expect(page.getByTestId('user-row-salma').getByTestId('user-status')).toHaveText(t.users.status.disabled);
    await expect(disable).toBeHidden();
    // A copy of the vault made before still holds her slot: the rotation of the data key is offered.
    const rotate = page.getByRole('dialog', { name: t.keys.title });
    await expect(rotate).toContainText(t.keys.afterDisable.split('{{name}}')[1].slice(0, 20));
    await check(page, 'keys-after-disable');
    await rotate.getByRole('button', { name: t.keys.rotate }).click();
    await expect(rotate).toBeHidden();
    await screenshot(page, 'users-after');

    await nav.getByRole('link', { name: t.nav.audit }).click();
    await page.getByRole('button', { name: t.audit.verify }).click();
    await expect(page.getByTestId('audit-verification')).toBeVisible();
    await check(page, 'audit');

    await nav.getByRole('link', { name: t.nav.settings }).click();
    await expect(page.getByRole('heading', { name: t.settings.title, level: 1 })).toBeVisible();
    await check(page, 'settings');

    // Lock, login, recovery: the screens without a session.
    await page.getByRole('button', { name: new RegExp(`^${t.shell.lock}`) }).click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await check(page, 'lock');

    await page.getByRole('button', { name: t.lock.switchUser }).click();
    await expect(page.getByRole('heading', { name: t.login.title })).toBeVisible();
    await check(page, 'login');
    await page.getByLabel(t.login.login, { exact: true }).fill('fatima');
    await page.getByLabel(t.login.password, { exact: true }).fill('not her password');
    await page.getByRole('button', { name: t.login.submit }).click();
    await expect(page.getByTestId('login-error')).toHaveText(t.errors.auth.invalidCredentials);
    await check(page, 'login-error');

    await page.getByRole('button', { name: t.login.recoveryLink }).click();
    await expect(page.getByRole('heading', { name: t.recover.title })).toBeVisible();
    await check(page, 'recover');
    await page.getByRole('button', { name: t.recover.back }).click();

    // A one-time password: the forced change, then what a desk worker sees.
    await page.getByLabel(t.login.login, { exact: true }).fill('nadia');
    await page.getByLabel(t.login.password, { exact: true }).fill(nadiaOneTime);
    await page.getByRole('button', { name: t.login.submit }).click();
    await expect(page.getByLabel(t.forcedChange.current)).toBeVisible();
    await check(page, 'forced-change');
    await page.getByLabel(t.forcedChange.current).fill(nadiaOneTime);
    await page.getByLabel(t.password.new, { exact: true }).fill('nadia ouvre la porte du local');
    await page.getByLabel(t.password.confirm).fill('nadia ouvre la porte du local');
    await page.getByRole('button', { name: t.forcedChange.submit }).click();
    await expect(page.getByRole('heading', { name: t.home.greeting.replace('{{name}}', 'Nadia El Amrani') })).toBeVisible();
    await check(page, 'home-desk');

    // The throttle, after repeated failures (made through the router, the desk's clock moved on each time).
    await page.keyboard.press('Control+KeyL');
    await page.getByRole('button', { name: t.lock.switchUser }).click();
    for (let i = 0; i < 7; i++) {
      harness.advanceDeskClock(10 * 60_000);
      await harness.call('auth.login', { login: 'fatima', password: `wrong ${i}` });
    }
    await page.getByLabel(t.login.login, { exact: true }).fill('fatima');
    await page.getByLabel(t.login.password, { exact: true }).fill('still not her password');
    await page.getByRole('button', { name: t.login.submit }).click();
    await expect(page.getByTestId('login-error')).toContainText(t.errors.auth.throttled_other.split('{{count}}')[0]);
    await expect(page.getByRole('button', { name: t.login.submit })).toBeDisabled();
    await check(page, 'login-throttled');
  });

  test(`the broken-vault screen, in ${lang}`, async ({ page, harness }) => {
    await harness.seedAdmin(lang);
    harness.desk.lock('button');
    rmSync(`${harness.dataDir}/${VAULT_FILE}`);
    await harness.open();
    await expect(page.getByTestId('broken-screen')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(t.errors.vault.missing);
    await expect(page.locator('html')).toHaveAttribute('dir', DIR[lang]);
    await check(page, 'broken');
  });
}
