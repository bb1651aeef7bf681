import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, VAULT_FILE } from '../../main/core/desk';
import { ADMIN, expect, expectAccessible, test } from './fixtures';

test.describe('logging in', () => {
  test('a wrong password says so once, then the throttle counts down before the next try', async ({ page, harness }) => {
    await harness.seedAdmin();
    harness.desk.lock('switchUser');
    await harness.open();

    const login = page.getByLabel('Identifiant');
    const password = page.getByLabel('Mot de passe', { exact: true });
    const submit = page.getByRole('button', { name: 'Se connecter' });
    const error = page.getByTestId('login-error');

    // Keyboard only: the login field has the focus, Tab reaches the password, Enter submits.
    await expect(login).toBeFocused();
    await page.keyboard.type(ADMIN.login);
    await page.keyboard.press('Tab');
    await expect(password).toBeFocused();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await password.fill(`wrong password ${attempt}`);
      await password.press('Enter');
      await expect(error).toHaveText('Identifiant ou mot de passe incorrect.');
      await expect(submit).toBeEnabled();
    }
    // The fourth failure costs a wait, shown as it runs out.
    await password.fill('wrong password 4');
    await password.press('Enter');
    await expect(page.getByTestId('login-wait')).toHaveText('Prochain essai possible dans 1 seconde.');
    await expect(submit).toBeDisabled();
    await expect(submit).toBeEnabled({ timeout: 5_000 });

    // More failures (through the router, the desk's clock moved past each wait): a longer wait.
    for (let i = 0; i < 4; i++) {
      harness.advanceDeskClock(10 * 60_000);
      await harness.call('auth.login', { login: ADMIN.login, password: `wrong again ${i}` });
    }
    await password.fill(ADMIN.password);
    await password.press('Enter');
    await expect(error).toHaveText(/^Trop d'essais\. Réessayez dans (16|15) secondes\.$/);
    await expect(submit).toBeDisabled();
    await expect(error).toHaveText(/^Trop d'essais\. Réessayez dans (14|13|12) secondes\.$/, { timeout: 5_000 });

    // Once the wait is over, the right password opens the desk.
    harness.advanceDeskClock(60_000);
    await page.reload();
    await login.fill(ADMIN.login);
    await password.fill(ADMIN.password);
    await submit.click();
    await expect(page.getByRole('heading', { name: `Bonjour, ${ADMIN.displayName}` })).toBeVisible();

    // The refused and failed attempts are in the audit log.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Journal d'audit" }).click();
    await expect(page.locator('tbody tr[data-action="auth.login"][data-outcome="failure"]')).toHaveCount(8);
    await expect(page.locator('tbody tr[data-action="auth.login"][data-outcome="refused"]').first()).toContainText(
      "Trop d'essais : tentative bloquée",
    );
  });

  test('the recovery key lets the person choose a new password', async ({ page, harness }) => {
    const recoveryKey = await harness.seedAdmin();
    harness.desk.lock('switchUser');
    await harness.open();

    await page.getByRole('button', { name: 'Clé de secours' }).click();
    await expect(page.getByRole('heading', { name: 'Accès de secours' })).toBeVisible();
    await expectAccessible(page, 'recover');
    const key = page.getByLabel('Clé de secours');
    await expect(key).toBeFocused();

    // A mistyped key is caught before anything slow happens.
    await key.fill('AAAA-BBBB');
    await page.getByLabel('Identifiant de la personne').fill(ADMIN.login);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une toute nouvelle phrase secrete');
    await page.getByLabel('Confirmer le nouveau mot de passe').fill('une toute nouvelle phrase secrete');
    await page.getByRole('button', { name: 'Définir le mot de passe et se connecter' }).click();
    await expect(page.getByText('Clé mal recopiée : vérifiez chaque groupe.')).toBeVisible();

    // Lower case and spaces do not matter.
    await key.fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Définir le mot de passe et se connecter' }).click();
    await expect(page.getByRole('heading', { name: `Bonjour, ${ADMIN.displayName}` })).toBeVisible();

    // Her new password is the one that opens the desk now.
    await page.getByRole('button', { name: /^Verrouiller/ }).click();
    await page.getByLabel('Mot de passe', { exact: true }).fill('une toute nouvelle phrase secrete');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect(page.getByRole('heading', { name: `Bonjour, ${ADMIN.displayName}` })).toBeVisible();
  });
});

test.describe('locking', () => {
  test('main announcing a lock hides everything at once', async ({ page, harness }) => {
    await harness.seedAdmin();
    await harness.open();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
    await expect(page.getByTestId(`user-row-${ADMIN.login}`)).toBeVisible();

    // As when the computer's screen locks: main locks the desk and tells the window.
    harness.desk.lock('screenLock');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId(`user-row-${ADMIN.login}`)).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);

    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
    await expect(page.getByTestId(`user-row-${ADMIN.login}`)).toBeVisible();
  });

  test('a call answered "locked" sends the window to the lock screen', async ({ page, harness }) => {
    await harness.seedAdmin();
    await harness.open();
    await expect(page.getByRole('heading', { name: `Bonjour, ${ADMIN.displayName}` })).toBeVisible();

    // Locked behind the window's back, without an event: the next call finds out.
    harness.desk.lock('button');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réglages' }).click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('lock-login')).toHaveText(ADMIN.login);
  });
});

test.describe('a damaged data folder', () => {
  test('a corrupt vault is explained, with what to do, and no setup form', async ({ page, harness }) => {
    await harness.seedAdmin();
    harness.desk.lock('button');
    writeFileSync(join(harness.dataDir, VAULT_FILE), '{"version": 1, "slots": "not what it should be"');
    await harness.open();
    await expect(page.getByTestId('broken-screen')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('Le fichier des clés (coffre) est illisible ou abîmé.');
    await expect(page.getByText("L'administrateur examinera le dossier de données avec la coordination")).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Première mise en service' })).toHaveCount(0);

    // "Try again" looks again, and still offers nothing that would replace the data.
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByTestId('broken-screen')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  test('a missing database is explained too', async ({ page, harness }) => {
    await harness.seedAdmin();
    harness.desk.lock('button');
    rmSync(join(harness.dataDir, DATABASE_FILE));
    await harness.open();
    await expect(page.getByRole('alert')).toHaveText('La base de données est introuvable, alors que le fichier des clés existe.');
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });
});
