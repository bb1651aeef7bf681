import type { Locator, Page } from '@playwright/test';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language } from '../../shared/domain/accounts';
import { ADMIN, closeToasts, expect, expectAccessible, screenshot, test, type Harness } from './fixtures';

/**
 * The childcare space (issue 10, §2–§4 and the childcare part of §7) over the real router:
 * slots opened for a Darija course's sessions, a mother's two children booked (the second
 * on the waitlist, then given the freed place through the offer), check-in with the code
 * and the slip, pick-up refused (wrong code, an adult no longer on the list) then done, and
 * the board. The desk's clock and the page's are Monday 7 December 2026, 08:50 in Nador
 * (07:50 UTC): nothing depends on the day the suite runs, and the screens show main's wall
 * clock (Chromium's Casablanca data are an hour off this winter).
 */
const NOW = new Date('2026-12-07T07:50:00.000Z');
const T = { fr, ar, en } as const;
const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

test.use({ viewport: { width: 1280, height: 720 } });

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/**
 * A desk worker (Fatima) in `language`; a Darija course at the first place, three Monday
 * sessions from today 10:00 to 12:00; two mothers registered. The session is left with Fatima.
 */
async function deskAt(harness: Harness, language: Language) {
  harness.setDeskClock(NOW);
  await harness.seedAdmin(language);
  const fatima = await harness.seedUser('fatima', 'Fatima Zahra', ['desk'], language);
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: fatima.login, password: fatima.password });
  const [place] = await harness.ok('places.list', {});
  const kinds = await harness.ok('activities.kinds', {});
  const darija = kinds.find((k) => k.key === 'darija') ?? kinds[0];
  const course = await harness.ok('activities.create', {
    kindId: darija.id,
    title: 'Darija A1',
    facilitator: 'Khadija Amrani',
    placeId: place.id,
    capacity: 15,
    sessions: { startsAt: '2026-12-07T10:00', minutes: 120, repeat: { rule: 'weekly', count: 3 } },
  });
  const aissatou = await harness.ok('visitors.register', {
    fields: { alias: 'Aïssatou', sex: 'female', birthYear: 1994, nationality: 'GN', languages: ['ff', 'fr'] },
    consents: ALL_CONSENTS,
  });
  const grace = await harness.ok('visitors.register', { fields: { alias: 'Grace', sex: 'female', birthYear: 1990, nationality: 'CM', languages: ['fr'] }, consents: ALL_CONSENTS });
  return { fatima, place, course, aissatou, grace };
}

async function openAt(page: Page, harness: Harness, hash: string): Promise<void> {
  await page.clock.install({ time: NOW });
  await harness.open();
  await page.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; __printed: number; dispatchEvent(event: unknown): void };
    w.__printed = 0;
    // As the browser does once the print dialog is done.
    w.print = () => {
      w.__printed += 1;
      w.dispatchEvent(new Event('afterprint'));
    };
  });
  await go(page, hash);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}

async function shot(page: Page, name: string): Promise<void> {
  await closeToasts(page);
  await screenshot(page, name);
}

async function choose(page: Page, box: Locator, option: string): Promise<void> {
  await box.click();
  await page.getByRole('option', { name: option }).click();
}

async function typeTime(page: Page, hours: Locator, time: string): Promise<void> {
  await hours.focus();
  await page.keyboard.type(time.replace(':', ''));
}

test('opens the childcare for a Darija course, books a mother\'s two children (one waits, then takes the freed place), checks them in with a slip and hands them back only with the right code and adult', async ({ page, harness }) => {
  // Eleven screens looked at by axe on a shared two-core machine.
  test.setTimeout(180_000);
  const { place, course, aissatou, grace } = await deskAt(harness, 'fr');
  const graceSon = await harness.ok('children.add', { motherId: grace.id, child: { firstName: 'Samuel', birthDate: '2022-03-14', sex: 'male' } });
  await openAt(page, harness, '#/childcare');

  // A slot of its own with an end before its start, then a capacity of zero: each said on its field.
  await expect(page.getByRole('heading', { level: 1, name: fr.childcare.slots.title })).toBeVisible();
  await expect(page.getByTestId('slots-day')).toHaveText('7 déc. 2026');
  await page.getByRole('button', { name: fr.childcare.slots.create }).click();
  const slotForm = page.getByTestId('slot-form');
  await typeTime(page, slotForm.getByRole('spinbutton', { name: fr.childcare.slotForm.starts, exact: true }), '14:00');
  await typeTime(page, slotForm.getByRole('spinbutton', { name: fr.childcare.slotForm.ends, exact: true }), '13:00');
  await slotForm.getByRole('textbox', { name: fr.childcare.slotForm.capacity }).fill('0');
  await slotForm.getByRole('button', { name: fr.childcare.slotForm.create }).click();
  await expect(slotForm.getByText(fr.fields.childcare.endsBeforeStart)).toBeVisible();
  await expect(slotForm.getByText(fr.fields.childcare.capacityNotPositive)).toBeVisible();
  await shot(page, 'childcare-slot-errors');
  await expectAccessible(page, 'slot form');
  await slotForm.getByRole('button', { name: fr.common.cancel }).click();

  // The childcare opened for every session of the course, 3–6 years, two places.
  await page.getByRole('button', { name: fr.childcare.slots.forActivity }).click();
  const activityForm = page.getByTestId('activity-slots-form');
  await choose(page, activityForm.getByRole('combobox', { name: fr.childcare.slotForm.activity }), 'Darija A1');
  await expect(activityForm.getByRole('combobox', { name: fr.childcare.slotForm.place })).toHaveValue(place.name);
  await activityForm.getByRole('textbox', { name: fr.childcare.slotForm.capacity }).fill('2');
  await activityForm.getByRole('button', { name: fr.childcare.slotForm.createForActivity }).click();
  await expect(page.getByText(fill(fr.childcare.slots.createdForActivity_other, { count: 3 }))).toBeVisible();
  const slotRow = page.getByTestId('slot-row');
  await expect(slotRow).toHaveCount(1);
  await expect(slotRow).toContainText('10:00–12:00');
  await expect(slotRow).toContainText('Darija A1');
  await expect(slotRow).toContainText(fill(fr.childcare.ageRange, { min: 3, max: 6, unit: fr.childcare.values.ageUnits.years }));
  // Grace's son, booked from the slot: his mother found by her alias, her only child chosen for her.
  await page.getByRole('button', { name: fill(fr.childcare.slots.bookingsOf, { time: '10:00–12:00' }) }).click();
  await page.getByRole('button', { name: fr.childcare.bookIntoSlot.open }).click();
  const intoSlot = page.getByTestId('book-into-slot-form');
  await intoSlot.getByRole('combobox', { name: fr.childcare.bookIntoSlot.mother }).fill('Grace');
  await page.getByRole('option', { name: new RegExp('Grace') }).click();
  await expect(intoSlot.getByRole('combobox', { name: fr.childcare.bookIntoSlot.child })).toHaveValue(new RegExp('Samuel'));
  await shot(page, 'childcare-book-into-slot');
  await expectAccessible(page, 'book into slot');
  await intoSlot.getByRole('button', { name: fr.childcare.book.submit }).click();
  await expect(page.getByTestId('booking-answer')).toHaveText(fr.childcare.book.booked);
  await page.getByRole('dialog').getByRole('button', { name: fr.common.close }).last().click();
  await expect(page.getByTestId('booking-row')).toHaveCount(1);
  const [todaySlot] = await harness.ok('childcare.slots', { from: '2026-12-07', to: '2026-12-07' });
  const [graceBooking] = await harness.ok('childcare.ofChild', { childId: graceSon.id });
  expect([graceBooking.slotId, graceBooking.status]).toEqual([todaySlot.id, 'booked']);

  // Her two children, on her profile: one with a birth date and an aunt who may collect her, one with an approximate age.
  await go(page, `#/visitors/${aissatou.id}?tab=children`);
  await expect(page.getByTestId('children-empty')).toHaveText(fr.children.section.empty);
  await page.getByRole('button', { name: fr.children.section.add }).click();
  let childForm = page.getByTestId('child-form');
  await childForm.getByRole('button', { name: fr.children.form.create }).click();
  await expect(childForm.getByText(fr.fields.required).first()).toBeVisible();
  await childForm.getByRole('textbox', { name: fr.children.form.firstName }).fill('Mariama');
  await childForm.getByRole('textbox', { name: fr.children.form.birthDate }).fill('15/05/2021');
  await childForm.getByRole('radio', { name: fr.sexes.female }).check();
  await childForm.getByRole('textbox', { name: fr.children.form.allergies }).fill('Arachides');
  await childForm.getByRole('button', { name: fr.children.adults.add }).click();
  await childForm.getByRole('textbox', { name: fill(fr.children.adults.name, { number: 1 }) }).fill('Fanta Camara');
  await choose(page, childForm.getByRole('combobox', { name: fr.children.adults.relation }), fr.children.values.relations.auntOrUncle);
  await childForm.getByRole('textbox', { name: fr.children.adults.phone }).fill('0611223344');
  await shot(page, 'child-form');
  await expectAccessible(page, 'child form');
  await childForm.getByRole('button', { name: fr.children.form.create }).click();
  await expect(page.getByTestId('child-row')).toHaveCount(1);

  await page.getByRole('button', { name: fr.children.section.add }).click();
  childForm = page.getByTestId('child-form');
  await childForm.getByText(fr.children.form.byAge).click();
  await childForm.getByRole('textbox', { name: fr.children.form.ageYears }).fill('4');
  await childForm.getByRole('radio', { name: fr.sexes.male }).check();
  await childForm.getByRole('button', { name: fr.children.form.create }).click();
  const rows = page.getByTestId('child-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Mariama');
  await expect(rows.nth(0)).toContainText(fill(fr.children.age.years_other, { count: 5 }));
  await expect(rows.nth(0)).toContainText('Arachides');
  await expect(rows.nth(0)).toContainText('Fanta Camara');
  await expect(rows.nth(1)).toContainText(fill(fr.children.unnamed, { number: 2 }));
  await expect(rows.nth(1)).toContainText(fr.children.list.approximate);
  await shot(page, 'children');
  await expectAccessible(page, 'children');

  // Enrolled in the course on its page: her children are offered the childcare of every session at once, both ticked.
  await go(page, `#/activities/${course.id}`);
  const enrol = page.getByTestId('enrol-form');
  await enrol.getByRole('combobox', { name: fr.activities.enrolments.visitor }).fill('Aïssatou');
  await page.getByRole('option', { name: new RegExp(aissatou.code) }).click();
  await enrol.getByRole('button', { name: fr.activities.enrolments.enrol }).click();
  const bookForm = page.getByTestId('book-children-form');
  await expect(bookForm.getByRole('checkbox')).toHaveCount(2);
  for (const box of await bookForm.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await expect(bookForm.getByRole('combobox', { name: fr.childcare.forActivity.activity })).toHaveCount(0);
  await shot(page, 'childcare-book-activity-offer');
  await bookForm.getByRole('button', { name: fr.childcare.forActivity.submit }).click();
  const outcomes = page.getByTestId('booking-outcome');
  await expect(outcomes).toHaveCount(6);
  await expect(page.getByTestId('booking-outcomes').getByText(fill(fr.childcare.booking.waitlistedAt, { position: 1 }))).toHaveCount(1);
  await expect(page.getByTestId('booking-outcomes').getByText(fr.childcare.values.bookingOutcomes.booked)).toHaveCount(5);
  await shot(page, 'childcare-book-activity');
  await expectAccessible(page, 'booking answers');
  await page.getByRole('dialog').getByRole('button', { name: fr.common.close }).last().click();

  // Grace's son stays home: his place is offered to the second child, until a time on the desk's clock.
  await harness.ok('childcare.cancel', { bookingId: graceBooking.id, reason: null });
  // The desk sees it from the home page too.
  await go(page, '#/');
  await expect(page.getByTestId('home-childcare').getByTestId('offer-row')).toHaveCount(1);
  await go(page, '#/childcare');
  const offer = page.getByTestId('offer-row');
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText(fr.childcare.unnamedChild);
  const offered = (await harness.ok('childcare.bookings', { slotId: todaySlot.id })).find((b) => b.status === 'offered');
  expect(offered?.offeredUntilWall).toBe('2026-12-07T10:00');
  await expect(offer).toContainText('7 déc. 2026, 10:00');
  await shot(page, 'childcare-offer');
  await expectAccessible(page, 'offer');
  await offer.getByRole('button', { name: fill(fr.childcare.actions.for.acceptOffer, { child: fr.childcare.unnamedChild }) }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('slot-taken')).toHaveText(fill(fr.childcare.slots.takenOf, { taken: 2, capacity: 2 }));

  // Check-in from the slot's list: the code large, then the slip in the adult's language.
  await page.getByRole('button', { name: fill(fr.childcare.slots.bookingsOf, { time: '10:00–12:00' }) }).click();
  await page.getByRole('button', { name: fill(fr.childcare.actions.for.checkIn, { child: 'Mariama' }) }).click();
  const checkedIn = page.getByTestId('checked-in');
  const code = (await checkedIn.getByTestId('pickup-code').innerText()).trim();
  expect(code).toMatch(/^[CDFHJKMNPRTWX34679]{3,4}$/);
  await shot(page, 'childcare-checked-in');
  await expectAccessible(page, 'checked in');
  await checkedIn.getByRole('button', { name: fr.childcare.checkIn.printSlip }).click();
  const slip = page.getByTestId('pickup-slip-preview');
  await expect(slip).toContainText(code);
  await expect(slip).toContainText(fill(fr.childcare.slip.until, { day: '7 déc. 2026', time: '12:00' }));
  // Nothing of the child on the paper.
  await expect(slip).not.toContainText('Mariama');
  await expect(slip).not.toContainText('Aïssatou');
  await shot(page, 'childcare-slip');
  await expectAccessible(page, 'slip');
  await page.getByRole('button', { name: fr.childcare.slip.print, exact: true }).click();
  expect(await page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
  await page.getByRole('dialog').getByRole('button', { name: fr.common.close }).last().click();
  await page.getByRole('button', { name: fill(fr.childcare.actions.for.checkIn, { child: fr.childcare.unnamedChild }) }).click();
  await expect(page.getByTestId('pickup-code')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: fr.common.close }).click();

  // The board: both in, their codes beside them, Mariama's allergy in words, who may collect her.
  await go(page, '#/childcare/board');
  const boardRows = page.getByTestId('board-row');
  await expect(boardRows).toHaveCount(2);
  const mariama = boardRows.filter({ hasText: 'Mariama' });
  await expect(mariama.getByTestId('board-code')).toHaveText(code);
  await expect(mariama.getByTestId('allergy')).toContainText('Arachides');
  await expect(mariama).toContainText('Fanta Camara');
  await expect(mariama).toContainText(fr.children.adults.mother);
  await shot(page, 'childcare-board');
  await expectAccessible(page, 'board');

  // Pick-up: a look-alike is said before main is asked; a wrong code is refused, the form kept, the focus on the refusal.
  await mariama.getByRole('button', { name: fill(fr.childcare.actions.for.pickUp, { child: 'Mariama' }) }).click();
  const pickup = page.getByTestId('pickup-form');
  const codeBox = pickup.getByRole('textbox', { name: fr.childcare.pickup.code });
  await codeBox.fill('O1A');
  await pickup.getByRole('radio', { name: fr.children.adults.mother }).check();
  await pickup.getByRole('button', { name: fr.childcare.pickup.submit }).click();
  await expect(pickup.getByText(fr.errors.childcare.codeLookAlike)).toBeVisible();
  await expect(codeBox).toBeFocused();
  const wrong = code === 'CDF' ? 'CDH' : 'CDF';
  await codeBox.fill(wrong.toLowerCase());
  await pickup.getByRole('button', { name: fr.childcare.pickup.submit }).click();
  const refusal = pickup.getByTestId('pickup-refusal');
  await expect(refusal.getByRole('alert')).toHaveText(fr.errors.childcare.wrongCode);
  await expect(refusal).toBeFocused();
  await expect(codeBox).toHaveValue(wrong);
  await shot(page, 'childcare-pickup-refused');
  await expectAccessible(page, 'pickup refused');

  // Meanwhile the aunt is taken off her list at another desk: chosen here, she is refused.
  const [mariamaChild] = (await harness.ok('children.ofMother', { visitorId: aissatou.id })).filter((c) => c.firstName === 'Mariama');
  await pickup.getByRole('radio', { name: new RegExp('Fanta Camara') }).check();
  await harness.ok('children.update', {
    id: mariamaChild.id,
    child: { firstName: 'Mariama', birthDate: '2021-05-15', sex: 'female', allergies: 'Arachides', adults: [] },
  });
  await codeBox.fill(code.toLowerCase());
  await pickup.getByRole('button', { name: fr.childcare.pickup.submit }).click();
  await expect(refusal.getByRole('alert')).toHaveText(fr.errors.childcare.notAuthorised);
  await expect(refusal).toBeFocused();

  // Her mother, with the right code typed in small letters: handed back, recorded.
  await pickup.getByRole('radio', { name: fr.children.adults.mother }).check();
  await pickup.getByRole('button', { name: fr.childcare.pickup.submit }).click();
  await expect(page.getByText(fill(fr.childcare.pickup.done, { child: 'Mariama' }))).toBeVisible();
  await expect(boardRows).toHaveCount(1);
  const history = await harness.ok('childcare.ofChild', { childId: mariamaChild.id });
  const today = history.find((b) => b.slotId === todaySlot.id);
  expect([today?.status, today?.collector, today?.overridden]).toEqual(['pickedUp', 'mother', false]);

  // The slip's print was recorded, by whom and in which language.
  harness.desk.lock('button');
  await harness.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
  const { entries } = await harness.ok('audit.list', { action: 'childcare.slipPrinted', limit: 10 });
  expect(entries.map((e) => e.userLogin)).toEqual(['fatima']);
});

test('every childcare screen in Arabic, mirrored, and the board in English; a child still in after her slot is flagged', async ({ page, harness }) => {
  test.setTimeout(180_000);
  const { course, aissatou } = await deskAt(harness, 'ar');
  const [place] = await harness.ok('places.list', {});
  await harness.ok('childcare.slotsForActivity', { activityId: course.id, placeId: place.id, capacity: 1, ageUnit: 'years', minAge: 3, maxAge: 6 });
  const mariama = await harness.ok('children.add', {
    motherId: aissatou.id,
    child: { firstName: 'مريم', birthDate: '2021-05-15', sex: 'female', allergies: 'الفول السوداني', adults: [{ name: 'Fanta Camara', relation: 'auntOrUncle', phone: '0611223344' }] },
  });
  const brother = await harness.ok('children.add', { motherId: aissatou.id, child: { ageYears: 4, sex: 'male' } });
  await harness.ok('children.add', { motherId: aissatou.id, child: { firstName: 'آدم', birthDate: '2025-09-01', sex: 'male' } });
  await harness.ok('activities.enrol', { activityId: course.id, visitorId: aissatou.id });
  await harness.ok('childcare.bookForActivity', { childIds: [mariama.id, brother.id], activityId: course.id });
  const [slot] = await harness.ok('childcare.slots', { from: '2026-12-07', to: '2026-12-07' });
  const booked = (await harness.ok('childcare.bookings', { slotId: slot.id })).find((b) => b.childId === mariama.id);
  if (!booked) throw new Error('no booking');
  const checkedIn = await harness.ok('childcare.checkIn', { bookingId: booked.id });
  const t = T.ar;

  await openAt(page, harness, `#/visitors/${aissatou.id}?tab=children`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('child-row')).toHaveCount(3);
  await expect(page.getByTestId('child-row').nth(1)).toContainText(fill(t.children.unnamed, { number: 2 }));
  await expect(page.getByTestId('child-row').nth(2)).toContainText(fill(t.children.age.months_many, { count: 15 }));
  await shot(page, 'children');
  await expectAccessible(page, 'children (ar)');
  await page.getByRole('button', { name: fill(t.children.list.editFor, { child: 'مريم' }) }).click();
  await expect(page.getByTestId('child-form').getByRole('textbox', { name: fill(t.children.adults.name, { number: 1 }) })).toHaveValue('Fanta Camara');
  await shot(page, 'child-form');
  await expectAccessible(page, 'child form (ar)');
  await page.getByTestId('child-form').getByRole('button', { name: t.common.cancel }).click();
  // The baby is fifteen months old: the 3–6 years slot refuses him, and says its range.
  await page.getByRole('button', { name: fill(t.children.list.bookFor, { child: 'آدم' }) }).click();
  const bookChild = page.getByTestId('book-child-form');
  await bookChild.getByRole('combobox', { name: t.childcare.book.slot }).click();
  await page.getByRole('option').first().click();
  await bookChild.getByRole('button', { name: t.childcare.book.submit }).click();
  const refused = bookChild.getByTestId('booking-refusal');
  await expect(refused.getByRole('alert')).toHaveText(fill(t.errors.childcare.ageOutOfRange, { min: 3, max: 6, age: 1 }));
  await expect(refused).toBeFocused();
  await shot(page, 'childcare-book-child');
  await expectAccessible(page, 'book child (ar)');
  await bookChild.getByRole('button', { name: t.common.cancel }).click();

  await go(page, '#/childcare');
  await expect(page.getByTestId('slot-row')).toHaveCount(1);
  await expect(page.getByTestId('slot-waitlisted')).toHaveText('1');
  await page.getByRole('button', { name: fill(t.childcare.slots.bookingsOf, { time: '10:00–12:00' }) }).click();
  await expect(page.getByTestId('booking-row')).toHaveCount(2);
  await expect(page.getByTestId('booking-status').nth(1)).toHaveText(fill(t.childcare.booking.waitlistedAt, { position: 1 }));
  await shot(page, 'childcare-slots');
  await expectAccessible(page, 'slots (ar)');
  await page.getByRole('button', { name: t.childcare.slots.forActivity }).click();
  await expect(page.getByTestId('activity-slots-form')).toBeVisible();
  await shot(page, 'childcare-activity-slots');
  await expectAccessible(page, 'activity slots (ar)');
  await page.getByTestId('activity-slots-form').getByRole('button', { name: t.common.cancel }).click();

  await go(page, '#/childcare/board');
  const row = page.getByTestId('board-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('board-code')).toHaveText(checkedIn.pickupCode ?? '');
  await expect(row.getByTestId('board-late')).toHaveCount(0);
  await shot(page, 'childcare-board');
  await expectAccessible(page, 'board (ar)');
  await row.getByRole('button', { name: fill(t.childcare.actions.for.pickUp, { child: 'مريم' }) }).click();
  await expect(page.getByTestId('pickup-form')).toBeVisible();
  await shot(page, 'childcare-pickup');
  await expectAccessible(page, 'pickup (ar)');
  await page.getByTestId('pickup-form').getByRole('button', { name: t.common.cancel }).click();

  // After the slot's end (12:00 in Nador, 11:00 UTC), she is flagged; in English for the board's shot.
  harness.setDeskClock(new Date('2026-12-07T11:20:00.000Z'));
  await harness.ok('account.setLanguage', { language: 'en' });
  await harness.open();
  await go(page, '#/childcare/board');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('board-late')).toHaveText(en.childcare.board.overdue);
  await expect(page.getByTestId('board-overdue')).toHaveText(fill(en.childcare.board.overdueCount_one, { count: 1 }));
  await shot(page, 'childcare-board-overdue');
  await expectAccessible(page, 'board (en)');
});
