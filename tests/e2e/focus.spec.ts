import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { expect, test } from './fixtures';

/** Keyboard users: where focus goes after a page change, and the skip link. */

test('after a page change, focus is on the new page\'s heading, or on the field a form starts with', async ({ page, harness }) => {
  await harness.seedAdmin();
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const { id } = await harness.ok('visitors.register', {
    fields: { firstName: 'Rose', sex: 'female', birthYear: 1990 },
    consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
  });
  await harness.open();
  const nav = page.getByRole('navigation', { name: fr.shell.navigation });

  await nav.getByRole('link', { name: fr.nav.followUps }).click();
  await expect(page.getByRole('heading', { name: fr.followUps.title, level: 1 })).toBeFocused();

  await nav.getByRole('link', { name: fr.nav.partners }).press('Enter');
  await expect(page.getByRole('heading', { name: fr.partners.title, level: 1 })).toBeFocused();

  // Back home through the keyboard: the heading, then the page's own first control.
  await nav.getByRole('link', { name: fr.nav.home }).press('Enter');
  const greeting = page.getByRole('heading', { level: 1 });
  await expect(greeting).toBeFocused();
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document;
    return d.activeElement?.closest('main') !== null;
  });
  expect(focusedInMain).toBe(true);

  // The visitors' page focuses its search box itself: it keeps it.
  await nav.getByRole('link', { name: fr.nav.visitors }).click();
  await expect(page.getByTestId('visitor-search')).toBeFocused();

  // A profile loads before its heading is drawn: focus waits for it.
  await page.evaluate((visitor) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/visitors/${visitor}`;
  }, id);
  await expect(page.getByTestId('profile-code')).toBeFocused();
});

test('the first Tab of the shell reaches the skip link, and Enter on it moves focus to the main content', async ({ page, harness }) => {
  await harness.seedAdmin();
  await harness.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: fr.shell.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The route did not change: the link's target is not read as a page.
  expect(new URL(page.url()).hash).not.toContain('guichet-main');
  // The next Tab is the first control of the page, not the navigation.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document;
    return d.activeElement?.closest('main') !== null;
  });
  expect(inMain).toBe(true);
});
