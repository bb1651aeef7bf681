import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { expect, test } from './fixtures';

/** What the eye meets: a focus ring that is not an error, one label size, a hint that is no link, wide screens used. */

test('the focus ring is blue, not the red of an error, and labels have one size across a form', async ({ page, harness }) => {
  await harness.seedAdmin();
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk']);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  await harness.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: fr.shell.skipToContent });
  await expect(skip).toBeFocused();
  // Mantine's blue.8 (#1971c2).
  await expect(skip).toHaveCSS('outline-color', 'rgb(25, 113, 194)');

  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.visitors }).click();
  const search = page.getByTestId('visitor-search');
  await expect(search).toBeFocused();
  await search.fill('x');
  const hint = page.getByTestId('visitor-search-status');
  await expect(hint).toHaveText(fr.visitors.search.tooShort);
  // A hint in the grey of secondary text (gray.7), not the indigo of links.
  await expect(hint).toHaveCSS('color', 'rgb(73, 80, 87)');
  await expect(hint).toHaveCSS('font-style', 'italic');
  await expect(hint).toHaveCSS('text-decoration-line', 'none');

  await page.getByRole('button', { name: fr.visitors.new }).click();
  await expect(page.getByTestId('consent-dataProcessing')).toBeFocused();
  const sizes = await page.locator('.mantine-InputWrapper-label').evaluateAll((labels) =>
    [...new Set(labels.map((label) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(label).fontSize))],
  );
  expect(sizes).toEqual(['14px']);
  await page.getByTestId('consent-dataProcessing').check();
  const field = page.getByRole('textbox', { name: fr.visitorFields.firstName });
  await field.focus();
  await expect(field).toHaveCSS('outline-color', 'rgb(25, 113, 194)');
});

test('on a wide screen, lists use the room and forms stay narrower', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await harness.seedAdmin();
  await harness.open();
  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.users }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.users.title })).toBeFocused();
  const table = await page.locator('main table').first().boundingBox();
  expect(table?.width ?? 0).toBeGreaterThan(1400);
  await page.getByRole('navigation', { name: fr.shell.navigation }).getByRole('link', { name: fr.nav.settings }).click();
  const form = await page.locator('main form').first().boundingBox();
  expect(form?.width ?? 0).toBeLessThan(1100);
});
