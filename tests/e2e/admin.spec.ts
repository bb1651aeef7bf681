import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, expect, expectAccessible, screenshot, test } from './fixtures';

test('settings: the idle lock is checked, saved and then used by the window', async ({ page, harness }) => {
  await harness.seedAdmin();
  await page.clock.install();
  await harness.open();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réglages' }).click();

  const minutes = page.getByLabel('Verrouillage automatique (en minutes)');
  await expect(minutes).toHaveValue('5');
  await expect(page.getByRole('combobox', { name: 'Fuseau horaire du poste' })).toHaveValue('Africa/Casablanca');
  await minutes.fill('0');
  await minutes.press('Enter');
  await expect(page.getByText('Entre 1 et 60 minutes.')).toBeVisible();
  await expect(minutes).toBeFocused();

  await minutes.fill('1');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
  expect((await harness.ok('settings.get', {})).idleLockMinutes).toBe(1);

  // One minute without activity is now enough.
  await page.clock.fastForward('01:05');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

test('settings: the data key is rotated after saying what it does, and every password still opens the desk', async ({ page, harness }) => {
  await harness.seedAdmin();
  await harness.open();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réglages' }).click();
  const section = page.getByTestId('keys-section');
  await expect(section).toContainText('une copie du fichier des clés faite avant');
  const generation = JSON.parse(readFileSync(join(harness.dataDir, 'vault.json'), 'utf8')).generation as number;
  await section.getByRole('button', { name: 'Renouveler la clé des données…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clé des données' });
  await expect(dialog).toContainText('toute copie plus ancienne du fichier des clés');
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectAccessible(page, 'keys-rotate');
  await screenshot(page, 'settings-keys-rotate');
  await dialog.getByRole('button', { name: 'Renouveler la clé' }).click();
  await expect(page.getByText('La clé des données est renouvelée.')).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(JSON.parse(readFileSync(join(harness.dataDir, 'vault.json'), 'utf8')).generation).toBeGreaterThan(generation);
  harness.restart();
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
});

test('the audit log pages back with "load more" and filters by user, outcome and date', async ({ page, harness }) => {
  await harness.seedAdmin();
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  // Sixty more entries, so that the log has more than one page.
  for (let i = 0; i < 60; i++) await harness.ok('settings.update', { idleLockMinutes: 5 + (i % 3) });
  await harness.open();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Journal d'audit" }).click();

  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await page.getByRole('button', { name: 'Afficher les entrées plus anciennes' }).click();
  await expect(rows.and(page.locator('[data-action="setup.create"]'))).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Afficher les entrées plus anciennes' })).toHaveCount(0);
  const all = await rows.count();
  expect(all).toBeGreaterThan(60);

  await page.getByRole('combobox', { name: 'Utilisateur' }).click();
  await page.getByRole('option', { name: `Fatima Zahra (${fatima.login})` }).click();
  await expect(rows.first()).toContainText('fatima');
  for (const login of await rows.locator('td:nth-child(2)').allTextContents()) expect(login).toBe('fatima');

  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByRole('combobox', { name: 'Résultat' }).click();
  await page.getByRole('option', { name: 'Refusé' }).click();
  await expect(page.getByText('Aucune entrée ne correspond à ces filtres.')).toBeVisible();

  // A date range that ends before it starts is pointed out, not sent. Days are typed day
  // first, as at the desk, and read back in the app's day style once she moves on.
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  const from = page.getByRole('textbox', { name: 'Du' });
  const to = page.getByRole('textbox', { name: 'Au' });
  await from.fill('10/01/2030');
  await to.fill('01/01/2030');
  await expect(page.getByText('La date de fin est avant la date de début.')).toBeVisible();
  await to.fill('31/01/2030');
  await page.keyboard.press('Tab');
  // Moroccan French, as CLDR writes it (fr-MA): jan., not janv.
  await expect(to).toHaveValue('31 jan. 2030');
  await expect(page.getByText('Aucune entrée ne correspond à ces filtres.')).toBeVisible();
  await from.fill('1/1/2000');
  await expect(rows).toHaveCount(50);
});

test("users: edit roles (never one's own), each change audited, reset and re-enable give a one-time password", async ({ page, harness }) => {
  await harness.seedAdmin();
  await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  await harness.open();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Utilisateurs' }).click();

  const actions = (name: string) => page.getByRole('button', { name: `Actions pour ${name}` });

  // Her own roles are shown but cannot be changed, and the form says why; her name can.
  await actions(ADMIN.displayName).click();
  await page.getByRole('menuitem', { name: 'Modifier le nom', exact: true }).click();
  const edit = page.getByRole('dialog', { name: "Modifier l'utilisateur" });
  for (const role of ['Accueil', 'Psychologue', 'Administration']) await expect(edit.getByRole('checkbox', { name: role })).toBeDisabled();
  await expect(edit.getByRole('checkbox', { name: 'Administration' })).toBeChecked();
  await expect(edit.getByRole('group', { name: 'Rôles' })).toHaveAccessibleDescription(/ne peuvent être changés que par un autre administrateur/);
  await edit.getByLabel('Nom affiché').fill('Amina B.');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('user-row-amina')).toContainText('Amina B.');
  expect(harness.desk.currentUser?.roles).toEqual(['admin']);

  // Fatima becomes a psychologist too.
  await actions('Fatima Zahra').click();
  await page.getByRole('menuitem', { name: 'Modifier le nom et les rôles' }).click();
  await edit.getByLabel('Nom affiché').fill('Fatima Zahra Alaoui');
  await edit.getByRole('checkbox', { name: 'Psychologue' }).check();
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  const row = page.getByTestId('user-row-fatima');
  await expect(row).toContainText('Fatima Zahra Alaoui');
  await expect(row).toContainText('Psychologue');

  // The audit log says whose roles changed, from what to what.
  await nav.getByRole('link', { name: "Journal d'audit" }).click();
  const change = page.getByTestId('audit-table').locator('tbody tr[data-action="users.update"]').first();
  await expect(change).toContainText('Rôles : Accueil → Accueil, Psychologue');
  await nav.getByRole('link', { name: 'Utilisateurs' }).click();

  // Reset: asked first, then a one-time password.
  await actions('Fatima Zahra Alaoui').click();
  await page.getByRole('menuitem', { name: 'Réinitialiser le mot de passe' }).click();
  await page.getByRole('dialog', { name: 'Réinitialiser le mot de passe ?' }).getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
  await expect(page.getByRole('dialog', { name: 'Mot de passe provisoire' })).toBeVisible();
  await page.getByRole('button', { name: "C'est noté" }).click();
  await expect(row).toContainText('Mot de passe provisoire');

  // Disable, then enable again: a new one-time password.
  await actions('Fatima Zahra Alaoui').click();
  await page.getByRole('menuitem', { name: 'Désactiver le compte' }).click();
  await page.getByRole('dialog', { name: 'Désactiver ce compte ?' }).getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(row.getByTestId('user-status')).toHaveText('Désactivé');
  // Rotating the data key is offered; Escape puts it off (Settings keeps it at hand).
  const rotate = page.getByRole('dialog', { name: 'Clé des données' });
  await expect(rotate).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(rotate).toBeHidden();
  await actions('Fatima Zahra Alaoui').click();
  await page.getByRole('menuitem', { name: 'Réactiver le compte' }).click();
  const otp = page.getByRole('dialog', { name: 'Mot de passe provisoire' });
  await expect(otp).toContainText('(identifiant : fatima)');
  const oneTime = (await page.getByTestId('one-time-password').locator('[data-group]').allTextContents()).join('-');
  await otp.getByRole('button', { name: "C'est noté" }).click();
  await expect(row.getByTestId('user-status')).toHaveText('Actif');

  // Her one-time password works (through the router: the page stays the administrator's).
  harness.desk.lock('switchUser');
  const login = await harness.call('auth.login', { login: 'fatima', password: oneTime });
  expect(login.ok && login.value.mustChangePassword).toBe(true);

  // A login already taken is pointed out on its field.
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
  await page.reload();
  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
  const create = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
  await create.getByLabel('Nom affiché').fill('Une autre Fatima');
  await create.getByLabel('Identifiant').fill('Fatima');
  await create.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(create.getByText('Cet identifiant est déjà utilisé.')).toBeVisible();
  await expect(create.getByLabel('Identifiant')).toBeFocused();
});
