import type { Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language, Role } from '../../shared/domain/accounts';
import { REGISTRATION_FORM } from '../../shared/domain/drafts';
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test, type Harness } from './fixtures';

/** The home page as each role starts her day: only what her roles may do, in each language. */
const T = { fr, ar, en } as const;
const LANGS: readonly Language[] = ['fr', 'ar', 'en'];

test.use({ viewport: { width: 1280, height: 720 } });

/** Today on the desk's calendar (the e2e desk runs on the real clock, in Casablanca). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());

/** One referral due for a follow-up today, made by a desk worker. */
async function seedFollowUp(harness: Harness) {
  const worker = await harness.seedUser('nadia', 'Nadia Berrada', ['desk']);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: worker.login, password: worker.password });
  const visitor = await harness.ok('visitors.register', {
    fields: { firstName: 'Rose', sex: 'female', birthYear: 1990 },
    consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
  });
  const partners = await harness.ok('partners.list', {});
  await harness.ok('referrals.create', { visitorId: visitor.id, partnerId: partners[0].id, service: 'legal', referredOn: today(), followUpOn: today() });
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
}

/** Sets the folder up, seeds the follow-up, and leaves `roles`' holder logged in (the administrator herself for admin). */
async function startAs(harness: Harness, roles: Role[]) {
  await harness.seedAdmin();
  await seedFollowUp(harness);
  if (roles.includes('admin')) return { login: ADMIN.login, displayName: ADMIN.displayName };
  const member = await harness.seedUser('fatima', 'Fatima Zahra', roles);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: member.login, password: member.password });
  return member;
}

/** The home page, then its screenshot in each language. */
async function shootInEveryLanguage(page: Page, harness: Harness, role: string, displayName: string) {
  for (const lang of LANGS) {
    await harness.ok('account.setLanguage', { language: lang });
    await harness.open();
    await expect(page.getByRole('heading', { level: 1, name: T[lang].home.greeting.replace('{{name}}', displayName) })).toBeVisible();
    await expect(page.getByTestId('home-follow-ups-count')).toHaveText(T[lang].home.followUps.count_one.replace('{{count}}', '1'));
    await closeToasts(page);
    await screenshot(page, `home-${role}`);
    if (lang !== 'en') await expectAccessible(page, `home-${role}`);
  }
}

test('a desk worker starts from the search, a new registration, today\'s follow-ups and her unfinished forms', async ({ page, harness }) => {
  const fatima = await startAs(harness, ['desk']);
  await harness.ok('drafts.save', { form: REGISTRATION_FORM, data: { v: 1, label: null, values: {} } });
  await harness.open();

  await expect(page.getByTestId('home-search')).toContainText(fr.home.search.title);
  await expect(page.getByTestId('home-new-visitor')).toContainText(fr.home.newVisitor.title);
  await expect(page.getByTestId('home-follow-ups-count')).toHaveText(fr.home.followUps.count_one.replace('{{count}}', '1'));
  // Her draft is listed once, in its section (not again in the notice above the page).
  await expect(page.getByTestId('drafts-notice')).toHaveCount(1);
  await expect(page.getByTestId('drafts-notice')).toContainText(fr.drafts.unfinishedRegistration.split('{{')[0].trim());
  // The places of her roles that the cards above do not already open.
  const grid = page.getByRole('region', { name: fr.home.places });
  await expect(grid.getByRole('link')).toHaveText(
    [fr.nav.today, fr.nav.schedule, fr.nav.calls, fr.nav.childcare, fr.nav.reassign, fr.nav.partners, fr.nav.activities, fr.nav.events, fr.nav.account].map((name) => new RegExp(name)),
  );

  await page.getByRole('link', { name: fr.home.followUps.open }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.followUps.title })).toBeFocused();
  await page.goBack();
  // What she types in the home page's box is looked up on the visitors page.
  await page.getByTestId('home-search-input').fill('Rose');
  await page.getByTestId('home-search-input').press('Enter');
  await expect(page.getByTestId('visitor-search')).toBeFocused();
  await expect(page.getByTestId('visitor-search')).toHaveValue('Rose');
  await expect(page.getByTestId('visitor-results')).toHaveAttribute('data-query', 'Rose');
  await expect(page.getByTestId('visitor-list').locator('[data-index]')).toHaveCount(1);
  await page.goBack();
  await page.getByRole('link', { name: fr.home.newVisitor.open }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.registration.title })).toBeVisible();

  await harness.ok('drafts.discard', { form: REGISTRATION_FORM });
  await shootInEveryLanguage(page, harness, 'desk', fatima.displayName);
});

test('a psychologist starts from the same desk work, with no unfinished form', async ({ page, harness }) => {
  const salma = await startAs(harness, ['psychologist']);
  await harness.open();
  await expect(page.getByTestId('home-search')).toBeVisible();
  await expect(page.getByTestId('home-new-visitor')).toBeVisible();
  await expect(page.getByTestId('home-follow-ups-count')).toHaveText(fr.home.followUps.count_one.replace('{{count}}', '1'));
  await expect(page.getByTestId('home-no-drafts')).toHaveText(fr.home.drafts.none);
  await shootInEveryLanguage(page, harness, 'psychologist', salma.displayName);
});

test('an administrator finds people and follow-ups, but is offered no registration, and reaches her own pages', async ({ page, harness }) => {
  await startAs(harness, ['admin']);
  await harness.open();
  await expect(page.getByTestId('home-search')).toBeVisible();
  await expect(page.getByTestId('home-new-visitor')).toHaveCount(0);
  await expect(page.getByTestId('home-follow-ups-count')).toHaveText(fr.home.followUps.count_one.replace('{{count}}', '1'));
  const grid = page.getByRole('region', { name: fr.home.places });
  await expect(grid.getByRole('link')).toHaveText(
    [
      fr.nav.schedule,
      fr.nav.reassign,
      fr.nav.partners,
      fr.nav.activities,
      fr.nav.events,
      fr.nav.account,
      fr.nav.users,
      fr.nav.places,
      fr.nav.sessionKinds,
      fr.nav.activityKinds,
      fr.nav.interpreters,
      fr.nav.teamHours,
      fr.nav.anonymisation,
      fr.nav.audit,
      fr.nav.settings,
      fr.nav.backups,
      fr.nav.notesAccess,
    ].map((name) => new RegExp(name)),
  );
  await shootInEveryLanguage(page, harness, 'admin', ADMIN.displayName);
});
