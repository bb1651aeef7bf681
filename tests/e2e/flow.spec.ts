import type { Locator, Page } from '@playwright/test';
import { tagOf } from '../../main/core/vault/vault';
import { ADMIN, expect, test } from './fixtures';

/** A secret shown in groups (recovery key, one-time password), as the person reads it. */
async function readSecret(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator('[data-group]').allTextContents();
}

function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Navigation principale' });
}

test('a first day at the desk: setup, idle lock, users, roles, Arabic, and the audit log', async ({ page, harness }) => {
  // The renderer's clock is Playwright's: the idle lock is reached without waiting five minutes.
  await page.clock.install();
  await harness.open();

  // ── First run: the organisation and its first administrator, then the recovery key, shown once and confirmed.
  await expect(page.getByRole('heading', { name: 'Première mise en service' })).toBeVisible();
  await expect(page.getByLabel("Nom de l'organisation")).toBeFocused();
  await page.getByLabel("Nom de l'organisation").fill(ADMIN.organisationName);
  await page.getByLabel('Nom affiché').fill(ADMIN.displayName);
  await page.getByLabel('Identifiant').fill(ADMIN.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirmer le mot de passe').fill(ADMIN.password);
  await page.getByLabel('Confirmer le mot de passe').press('Enter');

  await expect(page.getByRole('heading', { name: "Clé de secours de l'organisation" })).toBeVisible();
  await expect(page.getByText('Elle ne sera plus jamais affichée')).toBeVisible();
  const groups = await readSecret(page, 'recovery-key');
  expect(groups).toHaveLength(8);
  for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
  await page.getByRole('button', { name: "Je l'ai recopiée" }).click();

  const asked = page.locator('input[data-group]');
  await expect(asked).toHaveCount(2);
  const first = Number(await asked.nth(0).getAttribute('data-group'));
  const second = Number(await asked.nth(1).getAttribute('data-group'));
  expect(first).not.toEqual(second);
  await asked.nth(0).fill('ZZZZ');
  await asked.nth(1).fill(groups[second - 1].toLowerCase());
  await asked.nth(1).press('Enter');
  await expect(page.getByText('Ce groupe ne correspond pas. Vérifiez votre copie.')).toHaveCount(1);
  await asked.nth(0).fill(groups[first - 1]);
  await page.getByRole('button', { name: 'Confirmer et continuer' }).click();

  await expect(page.getByRole('heading', { name: `Bonjour, ${ADMIN.displayName}` })).toBeVisible();
  await expect(page.getByTestId('home-role')).toHaveText(['Administration']);
  await expect(nav(page).getByRole('link')).toHaveText([
    'Accueil',
    'Visiteurs',
    'Suivis',
    'Agenda',
    'À réattribuer',
    'Partenaires',
    'Ateliers',
    'Événements',
    'Mon compte',
    'Utilisateurs',
    'Lieux',
    'Types de séance',
    "Types d'ateliers",
    'Interprètes',
    "Horaires de l'équipe",
    'Anonymisation',
    "Journal d'audit",
    'Réglages',
    'Sauvegardes',
    'Accès aux notes',
  ]);

  // ── Idle: after five minutes without activity the desk locks itself; unlocking returns to the same page.
  await nav(page).getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
  await page.clock.fastForward('05:05');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-login')).toHaveText(ADMIN.login);
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toHaveCount(0);
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();

  // ── Two accounts: a desk worker, and a psychologist whose account is then disabled.
  const createUser = async (displayName: string, login: string, role: string) => {
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
    await dialog.getByLabel('Nom affiché').fill(displayName);
    await dialog.getByLabel('Identifiant').fill(login);
    if (role !== 'Accueil') {
      await dialog.getByRole('checkbox', { name: 'Accueil' }).uncheck();
      await dialog.getByRole('checkbox', { name: role }).check();
    }
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    const shown = page.getByRole('dialog', { name: 'Mot de passe provisoire' });
    await expect(shown).toBeVisible();
    await expect(shown).toContainText(`(identifiant : ${login})`);
    const oneTimePassword = (await readSecret(page, 'one-time-password')).join('-');
    await shown.getByRole('button', { name: "C'est noté" }).click();
    await expect(shown).toBeHidden();
    return oneTimePassword;
  };
  const fatimaOneTime = await createUser('Fatima Zahra', 'fatima', 'Accueil');
  expect(fatimaOneTime).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  await createUser('Salma Idrissi', 'salma', 'Psychologue');

  const salmaRow = page.getByTestId('user-row-salma');
  await expect(salmaRow).toContainText('Psychologue');
  await salmaRow.getByRole('button', { name: 'Actions pour Salma Idrissi' }).click();
  await page.getByRole('menuitem', { name: 'Désactiver le compte' }).click();
  const confirm = page.getByRole('dialog', { name: 'Désactiver ce compte ?' });
  await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(salmaRow.getByTestId('user-status')).toHaveText('Désactivé');
  // A copy of the vault made before still holds her slot: rotating the data key is offered at once.
  const rotate = page.getByRole('dialog', { name: 'Clé des données' });
  await expect(rotate).toContainText('Salma Idrissi ne peut plus se connecter');
  await expect(rotate.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await rotate.getByRole('button', { name: 'Renouveler la clé' }).click();
  await expect(page.getByText('La clé des données est renouvelée.')).toBeVisible();
  await expect(rotate).toBeHidden();
  await expect(page.getByTestId('user-row-fatima').getByTestId('user-status')).toHaveText('Actif');

  // ── The Lock button, then someone else takes the desk.
  await page.getByRole('button', { name: /^Verrouiller/ }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByRole('button', { name: "Changer d'utilisateur" }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByLabel('Identifiant')).toHaveValue('');
  await expect(page.getByLabel('Identifiant')).toBeFocused();

  // A wrong password: one clear message, nothing about which of the two was wrong.
  await page.getByLabel('Identifiant').fill('fatima');
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('');

  // Her one-time password opens only the "choose your own password" screen.
  await page.getByLabel('Mot de passe', { exact: true }).fill(fatimaOneTime);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue, Fatima Zahra : choisissez votre mot de passe' })).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
  await page.getByLabel('Mot de passe provisoire').fill(fatimaOneTime);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
  await page.getByLabel('Confirmer le nouveau mot de passe').fill('court');
  await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(page.getByText('Au moins 8 caractères.', { exact: true })).toBeVisible();
  const fatimaPassword = 'le the a la menthe de dix heures';
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(fatimaPassword);
  await page.getByLabel('Confirmer le nouveau mot de passe').fill(fatimaPassword);
  await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();

  // ── A desk worker sees only what the desk needs.
  await expect(page.getByRole('heading', { name: 'Bonjour, Fatima Zahra' })).toBeVisible();
  await expect(page.getByTestId('home-role')).toHaveText(['Accueil']);
  await expect(nav(page).getByRole('link')).toHaveText([
    'Accueil',
    'Visiteurs',
    'Suivis',
    "Aujourd'hui",
    'Agenda',
    'Appels de demain',
    "Garde d'enfants",
    'À réattribuer',
    'Partenaires',
    'Ateliers',
    'Événements',
    'Mon compte',
  ]);
  await expect(page.getByRole('link', { name: /Utilisateurs|Journal d'audit|Réglages|Anonymisation/ })).toHaveCount(0);
  await page.evaluate("location.hash = '#/users'");
  await expect(page.getByRole('heading', { name: 'Bonjour, Fatima Zahra' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toHaveCount(0);

  // ── Arabic: saved on her account, applied at once, the whole layout mirrored.
  await nav(page).getByRole('link', { name: 'Mon compte' }).click();
  await page.getByText('العربية').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { name: 'حسابي', level: 1 })).toBeVisible();
  const navBox = await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).boundingBox();
  expect(navBox?.x ?? 0).toBeGreaterThan(600);

  // Ctrl+L locks from anywhere, even inside a field; the lock screen speaks her language.
  await page.getByLabel('كلمة المرور الحالية').focus();
  await page.keyboard.press('Control+KeyL');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'الجهاز مقفل' })).toBeVisible();
  await page.getByRole('button', { name: 'تبديل المستخدم' }).click();
  await page.getByLabel('اسم المستخدم').fill(ADMIN.login);
  await page.getByLabel('كلمة المرور', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'دخول' }).click();

  // ── Back in French for the administrator: the audit log holds the day.
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: `Bonjour, ${ADMIN.displayName}` })).toBeVisible();
  await nav(page).getByRole('link', { name: "Journal d'audit" }).click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  const row = (action: string, outcome = 'success') => rows.and(page.locator(`[data-action="${action}"][data-outcome="${outcome}"]`));
  await expect(row('setup.create')).toHaveCount(1);
  await expect(row('auth.login').filter({ hasText: 'fatima' })).toHaveCount(1);
  // A failure names its user only when no colleague's login shares her 6-bit tag (the vault's salt is random: 1 in 64 do).
  const vault = harness.desk.vault.read();
  const fatimaTag = tagOf(vault, 'fatima');
  const named = vault.slots.filter((slot) => slot.tag === fatimaTag).length === 1;
  await expect(row('auth.login', 'failure').filter({ hasText: named ? 'fatima' : 'Identifiant inconnu' })).toHaveCount(1);
  await expect(row('auth.login', 'failure').first()).toContainText('Identifiant ou mot de passe incorrect.');
  await expect(row('auth.lock').filter({ hasText: 'Inactivité' })).toHaveCount(1);
  await expect(row('auth.lock').filter({ hasText: 'Bouton Verrouiller' })).toHaveCount(1);
  await expect(row('auth.lock').filter({ hasText: 'Raccourci clavier' })).toHaveCount(1);
  await expect(row('auth.unlock')).toHaveCount(1);
  await expect(row('users.create')).toHaveCount(2);
  await expect(row('users.disable')).toContainText('salma');
  await expect(row('keys.rotate')).toContainText('Renouvellement de la clé des données');
  await expect(row('account.changePassword').first()).toContainText('Changement de son mot de passe');

  // Filters: only the disabling.
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: "Désactivation d'un utilisateur" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Désactivation d'un utilisateur");
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(rows.and(page.locator('[data-action="setup.create"]'))).toHaveCount(1);

  await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText('La chaîne est intacte');
  await expect(row('audit.verify')).toHaveCount(1);
});
