import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { expect, test } from './fixtures';

/** The referral dialog closes on Escape wherever the focus is inside it, as a dialog should. */
test.use({ viewport: { width: 1280, height: 720 } });

test('Escape closes the referral dialog from every field, and from a list once its options are closed', async ({ page, harness }) => {
  await harness.seedAdmin();
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const visitor = await harness.ok('visitors.register', {
    fields: { alias: 'Maman Awa', sex: 'female', birthYear: 1991 },
    consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
  });
  await harness.open();
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/visitors/${id}`;
  }, visitor.id);
  await page.getByRole('tab', { name: new RegExp(`^${fr.profile.tabs.referrals}`) }).click();
  const dialog = page.getByRole('dialog', { name: fr.referrals.form.title.replace('{{code}}', visitor.code) });

  const open = async () => {
    await page.getByRole('button', { name: fr.referrals.new }).first().click();
    await expect(dialog).toBeVisible();
  };

  // A list (partner, service) opens as the focus reaches it: the first Escape closes the list,
  // the next one the dialog, the focus still on the list's box.
  for (const name of [fr.referrals.form.partner, fr.referrals.form.service]) {
    await open();
    const list = dialog.getByRole('combobox', { name });
    await list.focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(dialog).toBeVisible();
    await expect(list).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // Anywhere else, one Escape.
  for (const field of [
    dialog.getByRole('textbox', { name: fr.referrals.form.referredOn }),
    dialog.getByRole('textbox', { name: fr.referrals.form.followUpOn }),
    dialog.getByRole('button', { name: fr.common.cancel }),
    dialog.getByRole('button', { name: fr.referrals.form.submit }),
  ]) {
    await open();
    await field.focus();
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});
