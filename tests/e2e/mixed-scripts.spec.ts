import type { Locator } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { ADMIN, closeToasts, expect, screenshot, test } from './fixtures';

/**
 * Names and free text that hold Latin and Arabic together ("Aïssatou فاطمة", a note with a
 * phone number) keep their own direction: each sits in a <bdi> or an element with dir="auto",
 * so that the sentence around it, mirrored or not, is not scrambled.
 */
const MIXED = 'Aïssatou فاطمة';
const T = { fr, ar } as const;

/** The element holding `text` isolates it: a <bdi>, or dir="auto" on it or an ancestor below the page. */
async function expectIsolated(scope: Locator, text: string): Promise<void> {
  const holder = scope.locator('bdi, [dir="auto"]').filter({ hasText: text });
  await expect(holder.first()).toBeVisible();
}

test.use({ viewport: { width: 1280, height: 720 } });

for (const lang of ['ar', 'fr'] as const) {
  const t = T[lang];
  test(`mixed Latin and Arabic names and notes are isolated, in ${lang}`, async ({ page, harness }) => {
    await harness.seedAdmin(lang);
    // A colleague whose login is written in Arabic letters and whose name mixes both scripts.
    const worker = await harness.seedUser('فاطمة', MIXED, ['desk'], lang);
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: worker.login, password: worker.password });
    const visitor = await harness.ok('visitors.register', {
      fields: { firstName: 'Aïssatou', lastName: 'فاطمة', alias: 'Maman Awa أم', sex: 'female', birthYear: 1994, nationality: 'GN', phone: '0612345678' },
      consents: { dataProcessing: true, referrals: true, phoneContact: true, reporting: true },
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
    await harness.ok('intakes.record', { visitorId: visitor.id, visitDate: today, needs: ['legal'], urgency: 'low', orientation: 'informationOnly', deskNotes: 'Rappeler فاطمة au 0612 34 56 78' });
    await harness.open();

    // The greeting and the shell's header.
    await expectIsolated(page.getByRole('heading', { level: 1 }), MIXED);
    await expectIsolated(page.getByTestId('shell-user'), MIXED);
    await expectIsolated(page.locator('header'), worker.login);

    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/visitors/${id}`;
    }, visitor.id);
    const names = page.getByTestId('profile-names');
    await expectIsolated(names, 'Aïssatou فاطمة');
    await expectIsolated(names, 'Maman Awa أم');
    await closeToasts(page);
    await screenshot(page, 'profile-mixed');

    await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.intakes}`) }).click();
    const panel = page.getByRole('tabpanel');
    await expectIsolated(panel, 'Rappeler فاطمة au 0612 34 56 78');
    await expectIsolated(panel, worker.login);
    await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.consents}`) }).click();
    await expectIsolated(page.getByRole('tabpanel'), worker.login);
    await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.timeline}`) }).click();
    await expectIsolated(page.getByRole('tabpanel'), worker.login);

    // The users list and the audit log, as the administrator sees them.
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
    await harness.open();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/users';
    });
    const row = page.getByTestId(`user-row-${worker.login}`);
    await expectIsolated(row, MIXED);
    await expectIsolated(row, worker.login);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/audit';
    });
    await expectIsolated(page.getByTestId('audit-table'), worker.login);
  });
}
