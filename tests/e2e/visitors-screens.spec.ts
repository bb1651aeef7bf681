import type { Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test } from './fixtures';

/**
 * Every screen of the visitors' work (issue 3), in French, Arabic and English: a screenshot
 * under test-results/screens/ and an axe check. The data is made through the router;
 * the words come from the translation files themselves.
 */
const T = { fr, ar, en } as const;
const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/**
 * Axe runs on every screen in French; in Arabic (the same components, mirrored) on a
 * sample of them, which keeps the suite within its time.
 */
const AXE_IN_ARABIC = new Set(['visitors', 'visitors-search-results', 'registration', 'duplicates', 'profile', 'intake', 'decision-tree', 'slip', 'anonymisation', 'settings', 'consent-withdraw-confirm']);

/** Toasts closed, then a screenshot and axe. */
async function check(page: Page, name: string, axe = true): Promise<void> {
  await closeToasts(page);
  await screenshot(page, name);
  const lang = await page.locator('html').getAttribute('lang');
  if (axe && (lang === 'fr' || (lang === 'ar' && AXE_IN_ARABIC.has(name)))) await expectAccessible(page, name);
}

for (const lang of ['fr', 'ar', 'en'] as const) {
  const t = T[lang];

  test(`every screen of the visitors' work, in ${lang}`, async ({ page, harness }) => {
    // Every screen with axe on each, in one test: on a shared 2-processor machine it can take past two minutes.
    test.setTimeout(240_000);
    await harness.seedAdmin(lang);
    const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], lang);
    harness.desk.lock('button');
    await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
    const aissatou = await harness.ok('visitors.register', {
      fields: {
        firstName: 'Aïssatou',
        lastName: 'Diallo',
        alias: 'Maman Awa',
        sex: 'female',
        birthYear: 1994,
        birthYearEstimated: true,
        nationality: 'GN',
        languages: ['ff', 'fr', 'ary'],
        interpreterNeeded: true,
        interpreterLanguage: 'ff',
        phone: '06 12 34 56 78',
        familySituation: 'singleMother',
        childrenCount: 2,
        housing: 'informalCamp',
        arrivalMonth: '2025-03',
      },
      consents: ALL_CONSENTS,
    });
    const fatma = await harness.ok('visitors.register', {
      fields: { firstName: 'فاطمة', lastName: 'عبد الرحمن', sex: 'female', birthYear: 1990, nationality: 'SD', languages: ['ar'] },
      consents: ALL_CONSENTS,
    });
    await harness.ok('visitors.register', { fields: { sex: 'male', birthYear: 2009, nationality: 'ML', languages: ['bm'] }, consents: { ...ALL_CONSENTS, dataProcessing: false } });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
    await harness.ok('intakes.record', {
      visitorId: aissatou.id,
      visitDate: today,
      needs: ['psychosocial', 'maternalHealth', 'hygieneKit'],
      urgency: 'high',
      orientation: 'listeningUnit',
      deskNotes: 'Arrivée avec ses deux enfants.',
      vulnerabilities: ['noShelter'],
      violence: { disclosed: true, type: 'physicalAssault' },
    });
    const partners = await harness.ok('partners.list', {});
    await harness.ok('referrals.create', { visitorId: aissatou.id, partnerId: partners[0].id, service: 'psychosocial', referredOn: today, followUpOn: today });
    const profile = await harness.ok('visitors.get', { id: aissatou.id });
    await harness.ok('visitors.update', { id: aissatou.id, fields: { ...profile.visitor.fields, housing: 'shelter', childrenCount: 3 } });
    await harness.open();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const nav = page.getByRole('navigation', { name: t.shell.navigation });

    // The list, then a registration that looks like someone already known.
    await nav.getByRole('link', { name: t.nav.visitors }).click();
    await expect(page.getByTestId('visitor-list').getByRole('row')).toHaveCount(3);
    await check(page, 'visitors');
    await page.getByTestId('visitor-search').fill('x');
    await expect(page.getByTestId('visitor-search-status')).toHaveText(t.visitors.search.tooShort);
    await check(page, 'visitors-too-short', false);
    // Results at the desk laptop's 1280×720: aliases and initials in Latin and Arabic script, one name shown on purpose.
    const viewportBefore = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('visitor-search').fill('ndr');
    await expect(page.getByTestId('visitor-results')).toHaveAttribute('data-query', 'ndr');
    await expect(page.getByTestId('visitor-list').getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: fill(t.visitors.showNameOf, { code: fatma.code }) }).click();
    await expect(page.getByTestId('revealed-name')).toHaveText('فاطمة عبد الرحمن');
    await check(page, 'visitors-search-results');
    if (viewportBefore) await page.setViewportSize(viewportBefore);

    await page.getByRole('button', { name: t.visitors.new }).click();
    await expect(page.getByTestId('consent-dataProcessing')).toBeFocused();
    await check(page, 'registration');
    await page.getByTestId('consent-dataProcessing').check();
    await page.getByRole('textbox', { name: t.visitorFields.firstName }).fill('Aissatou');
    await page.getByRole('radio', { name: t.sexes.female }).check();
    await page.getByRole('textbox', { name: t.visitorFields.phone }).fill('0612345678');
    await page.getByRole('button', { name: t.registration.submit }).click();
    await expect(page.getByRole('dialog', { name: t.duplicates.title })).toBeVisible();
    await check(page, 'duplicates');
    await page.getByRole('button', { name: t.duplicates.open }).click();

    // Her profile, section by section.
    await expect(page.getByTestId('profile-code')).toHaveText(aissatou.code);
    await check(page, 'profile');
    for (const [tab, name] of [
      [t.profile.tabs.consents, 'profile-consents'],
      [t.profile.tabs.intakes, 'profile-intakes'],
      [t.profile.tabs.referrals, 'profile-referrals'],
      [t.profile.tabs.changes, 'profile-changes'],
      [t.profile.tabs.timeline, 'profile-timeline'],
    ] as const) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await check(page, name, name !== 'profile-timeline');
    }
    if (lang === 'fr') await expectAccessible(page, 'profile-timeline');

    // The slip of her referral.
    await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.referrals}`) }).click();
    await page.getByTestId('referral-row').getByRole('button', { name: new RegExp(t.referrals.printSlipFor.split('{{')[0].trim()) }).click();
    await expect(page.getByTestId('slip-preview')).toContainText(aissatou.code);
    await check(page, 'slip');
    await page.getByRole('dialog', { name: t.slip.previewTitle }).getByRole('button', { name: t.common.close }).last().click();

    // A new referral.
    await page.getByRole('button', { name: t.referrals.new }).first().click();
    const referralForm = page.getByRole('dialog', { name: fill(t.referrals.form.title, { code: aissatou.code }) });
    const partner = referralForm.getByRole('combobox', { name: t.referrals.form.partner });
    await partner.click();
    const option = page.getByRole('option').nth(1);
    const partnerName = (await option.textContent()) ?? '';
    await option.click();
    await expect(partner).toHaveValue(partnerName);
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await check(page, 'referral-form');
    await referralForm.getByRole('button', { name: t.common.cancel }).click();

    // The edit form.
    await page.getByRole('tab', { name: t.profile.tabs.identity }).click();
    await page.getByRole('button', { name: t.profile.edit }).click();
    await expect(page.getByRole('textbox', { name: t.visitorFields.firstName })).toHaveValue('Aïssatou');
    await check(page, 'identity-edit');
    await page.getByRole('button', { name: t.common.cancel }).click();

    // A new intake, and the decision tree.
    await page.getByRole('button', { name: t.intakes.new }).first().click();
    await expect(page.getByRole('heading', { name: fill(t.intakes.formTitle, { code: aissatou.code }) })).toBeVisible();
    await check(page, 'intake');
    await page.getByRole('checkbox', { name: t.needs.legal }).check();
    await page.getByRole('radio', { name: t.disclosure.yes }).check();
    const tree = page.getByTestId('disclosure-tree');
    await tree.getByRole('button', { name: t.common.no, exact: true }).click();
    await tree.getByTestId('tree-question').scrollIntoViewIfNeeded();
    await check(page, 'decision-tree');
    for (let i = 0; i < 3; i++) await tree.getByRole('button', { name: t.common.no, exact: true }).click();
    await tree.getByRole('button', { name: t.common.yes, exact: true }).click();
    await expect(tree.getByTestId('tree-summary')).toContainText(t.violenceTypes.denialOfResources.label);
    await check(page, 'decision-tree-summary', false);
    await tree.getByRole('button', { name: t.disclosure.confirm }).click();
    await expect(tree.getByTestId('tree-result')).toContainText(t.violenceTypes.denialOfResources.label);
    await check(page, 'decision-tree-result', false);
    // What fits none of the six types is recorded as another violence, not as nothing disclosed.
    await tree.getByRole('button', { name: t.disclosure.change }).click();
    await tree.getByRole('button', { name: t.common.no, exact: true }).click();
    await tree.getByRole('button', { name: t.common.no, exact: true }).click();
    await expect(tree.getByTestId('tree-summary')).toContainText(t.violenceTypes.unclassified.label);
    await check(page, 'decision-tree-none', false);
    await tree.getByRole('button', { name: t.disclosure.recordUnclassified }).click();
    await expect(tree.getByTestId('tree-result')).toHaveAttribute('data-type', 'unclassified');
    await page.getByTestId('intake-abandon').click();
    const abandoning = page.getByRole('dialog', { name: t.intakes.abandonConfirm.title });
    await expect(abandoning.getByRole('button', { name: t.common.cancel })).toBeFocused();
    await check(page, 'intake-abandon-confirm', false);
    await abandoning.getByRole('button', { name: t.intakes.abandonConfirm.confirm }).click();
    await expect(page.getByTestId('profile-code')).toBeVisible();

    // Follow-ups and partners.
    await nav.getByRole('link', { name: t.nav.followUps }).click();
    await expect(page.getByTestId('follow-ups-table').getByTestId('referral-row')).toHaveCount(1);
    await check(page, 'follow-ups');
    await nav.getByRole('link', { name: t.nav.partners }).click();
    await expect(page.getByTestId('partner-row')).toHaveCount(4);
    await check(page, 'partners');

    // A draft left behind, offered at the next login.
    await harness.ok('drafts.save', { form: `intake:${aissatou.id}`, data: { v: 1, label: aissatou.code, values: { needs: ['legal'] } } });
    await page.keyboard.press('Control+KeyL');
    await page.getByLabel(t.lock.password, { exact: true }).fill(fatima.password);
    await page.getByLabel(t.lock.password, { exact: true }).press('Enter');
    await expect(page.getByTestId('drafts-notice')).toContainText(aissatou.code);
    await check(page, 'draft-notice');

    // Consent to data processing withdrawn: asked first, at the desk laptop's 1280×720, then her names are gone.
    await nav.getByRole('link', { name: t.nav.visitors }).click();
    await page.getByTestId('visitor-search').fill(fatma.code);
    await page.getByTestId('visitor-list').getByRole('link', { name: fatma.code }).click();
    await page.getByRole('tab', { name: t.profile.tabs.consents }).click();
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page
      .getByTestId('consent-row-dataProcessing')
      .getByRole('button', { name: fill(t.consents.withdrawFor, { kind: t.consentKinds.dataProcessing.label }) })
      .click();
    const withdrawal = page.getByRole('dialog', { name: t.consents.withdrawDataProcessing.title });
    await expect(withdrawal.getByRole('button', { name: t.common.cancel })).toBeFocused();
    await check(page, 'consent-withdraw-confirm');
    await withdrawal.getByRole('button', { name: t.consents.withdrawDataProcessing.confirm }).click();
    await expect(page.getByText(t.profile.noNames)).toBeVisible();
    await check(page, 'profile-consent-withdrawn', false);
    if (viewport) await page.setViewportSize(viewport);

    // The administrator: anonymisation two years later, partners, settings.
    harness.advanceDeskClock(25 * 31 * 86_400_000);
    await page.keyboard.press('Control+KeyL');
    await page.getByRole('button', { name: t.lock.switchUser }).click();
    await page.getByLabel(t.login.login, { exact: true }).fill(ADMIN.login);
    await page.getByLabel(t.login.password, { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: t.login.submit }).click();

    // What an administrator sees of an intake with a disclosure: nothing that gives it away.
    await nav.getByRole('link', { name: t.nav.visitors }).click();
    await page.getByTestId('visitor-search').fill(aissatou.code);
    await page.getByTestId('visitor-list').getByRole('link', { name: aissatou.code }).click();
    await page.getByRole('tab', { name: new RegExp(`^${t.profile.tabs.intakes}`) }).click();
    await expect(page.getByTestId('intake-orientation-hidden')).toHaveText(t.intakes.orientationHidden);
    await expect(page.getByTestId('intake-listening-unit')).toHaveCount(0);
    await check(page, 'profile-intakes-admin');
    await page.getByRole('tab', { name: t.profile.tabs.timeline }).click();
    await expect(page.getByTestId('timeline')).not.toContainText(t.orientations.listeningUnit);
    await check(page, 'profile-timeline-admin', false);

    await nav.getByRole('link', { name: t.nav.anonymisation }).click();
    await expect(page.getByTestId('anonymisation-row')).toHaveCount(3);
    await check(page, 'anonymisation');
    await page.getByTestId('anonymisation-row').filter({ hasText: aissatou.code }).getByRole('button').click();
    await expect(page.getByRole('dialog', { name: fill(t.anonymisation.confirmTitle, { code: aissatou.code }) })).toBeVisible();
    await check(page, 'anonymise-confirm');
    await page.getByRole('button', { name: t.anonymisation.confirm }).click();
    await expect(page.getByTestId('anonymisation-row')).toHaveCount(2);
    await nav.getByRole('link', { name: t.nav.visitors }).click();
    await page.getByTestId('visitor-search').fill(aissatou.code);
    await page.getByTestId('visitor-list').getByRole('link', { name: aissatou.code }).click();
    await expect(page.getByTestId('anonymised-banner')).toBeVisible();
    await check(page, 'profile-anonymised');

    await nav.getByRole('link', { name: t.nav.partners }).click();
    await page.getByRole('button', { name: t.partners.create }).click();
    await expect(page.getByRole('dialog', { name: t.partners.form.createTitle })).toBeVisible();
    await check(page, 'partner-form');
    await page.getByRole('dialog').getByRole('button', { name: t.common.cancel }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await check(page, 'partners-admin', false);

    await nav.getByRole('link', { name: t.nav.settings }).click();
    await expect(page.getByLabel(t.settings.codePrefix)).toHaveValue('NDR');
    await check(page, 'settings');
    await nav.getByRole('link', { name: t.nav.home }).click();
    await check(page, 'home-admin', false);
  });
}
