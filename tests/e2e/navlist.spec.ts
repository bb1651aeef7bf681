import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { expect, screenshot, test } from './fixtures';

/**
 * An administrator's places outgrow a 720 px high window, and the navigation list scrolls
 * (`.guichet-navlist`): a page opened from a link elsewhere (a card of the home page) scrolls
 * its own place in the list into view, so she sees where she is.
 */
test.use({ viewport: { width: 1280, height: 720 } });

test('a page opened from a home page card shows its place in the scrolled navigation list', async ({ page, harness }) => {
  await harness.seedAdmin('fr');
  await harness.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const list = page.locator('.guichet-navlist');
  const navigation = page.getByRole('navigation', { name: fr.shell.navigation });
  // The last place of her list, whichever it is as pages are added; the list does overflow here, and it is out of sight at first.
  const last = navigation.getByRole('link').last();
  const name = (await last.innerText()).trim();
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(last).not.toBeInViewport({ ratio: 1 });

  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await expect(last).toHaveAttribute('aria-current', 'page');
  await expect(last).toBeInViewport({ ratio: 1 });
  expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await screenshot(page, 'navlist-scrolled');

  // Back home from the list's own first place: it scrolls back up to it.
  await page.goBack();
  await expect(navigation.getByRole('link', { name: fr.nav.home })).toBeInViewport({ ratio: 1 });
});
