import { describe, expect, it } from 'vitest';
import { childcareDesk } from '../support/childcare';

const HOUR = 3_600_000;

describe('childcare slots', () => {
  it('refuses a capacity of zero or less, on a slot and on the slots of an activity', async () => {
    const t = await childcareDesk();
    try {
      for (const capacity of [0, -3]) {
        expect(await t.call('childcare.saveSlot', { day: '2026-12-07', starts: '10:00', ends: '12:00', placeId: t.place.id, capacity, ageUnit: 'years', minAge: 0, maxAge: 6 })).toEqual({
          ok: false,
          error: { code: 'call.invalidInput', fields: { capacity: 'childcare.capacityNotPositive' } },
        });
      }
      const { activityId } = t.activity(['2026-12-07T09:00:00.000Z']);
      expect(await t.call('childcare.slotsForActivity', { activityId, placeId: t.place.id, capacity: 0, ageUnit: 'years', minAge: 0, maxAge: 2 })).toMatchObject({
        ok: false,
        error: { fields: { capacity: 'childcare.capacityNotPositive' } },
      });
      expect(await t.ok('childcare.slots', { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('stores wall times in the desk zone and refuses a slot that has already started, an end before its start, an age range upside down', async () => {
    const t = await childcareDesk();
    try {
      const slot = await t.slot({ ratios: [{ minAge: 0, maxAge: 2, childrenPerStaff: 3 }, { minAge: 3, maxAge: 6, childrenPerStaff: 6 }] });
      expect(slot).toMatchObject({ startsAt: '2026-12-07T09:00:00.000Z', startsWall: '2026-12-07T10:00', endsWall: '2026-12-07T12:00', capacity: 2, free: 2, staffNeeded: 0 });
      expect(await t.call('childcare.saveSlot', { day: '2026-11-29', starts: '09:00', ends: '11:00', placeId: t.place.id, capacity: 4, ageUnit: 'years', minAge: 0, maxAge: 6 })).toMatchObject({ ok: false, error: { code: 'childcare.slotPast' } });
      expect(await t.call('childcare.saveSlot', { day: '2026-12-07', starts: '12:00', ends: '10:00', placeId: t.place.id, capacity: 4, ageUnit: 'years', minAge: 0, maxAge: 6 })).toMatchObject({ ok: false, error: { fields: { ends: 'childcare.endsBeforeStart' } } });
      expect(await t.call('childcare.saveSlot', { day: '2026-12-07', starts: '10:00', ends: '12:00', placeId: t.place.id, capacity: 4, ageUnit: 'years', minAge: 6, maxAge: 3 })).toMatchObject({ ok: false, error: { fields: { maxAge: 'childcare.ageRangeInverted' } } });
    } finally {
      t.close();
    }
  });

  it('makes a slot for every future session of an activity, timed by the session: moving the session moves the slot', async () => {
    const t = await childcareDesk();
    try {
      const { activityId, sessionIds } = t.activity(['2026-11-20T09:00:00.000Z', '2026-12-07T09:00:00.000Z', '2026-12-14T09:00:00.000Z']);
      const slots = await t.ok('childcare.slotsForActivity', { activityId, placeId: t.place.id, capacity: 6, ageUnit: 'years', minAge: 0, maxAge: 6 });
      // The past session gets none; called again, nothing new.
      expect(slots.map((s) => [s.sessionId, s.activityId, s.startsWall])).toEqual([
        [sessionIds[1], activityId, '2026-12-07T10:00'],
        [sessionIds[2], activityId, '2026-12-14T10:00'],
      ]);
      expect(await t.ok('childcare.slotsForActivity', { activityId, placeId: t.place.id, capacity: 6, ageUnit: 'years', minAge: 0, maxAge: 6 })).toEqual([]);
      t.db().prepare(`UPDATE activity_sessions SET starts_at = '2026-12-07T13:00:00.000Z', ends_at = '2026-12-07T15:00:00.000Z' WHERE id = ?`).run(sessionIds[1]);
      expect(await t.ok('childcare.slot', { id: slots[0].id })).toMatchObject({ startsWall: '2026-12-07T14:00', endsWall: '2026-12-07T16:00' });
      // Moved into the past, its slot takes no new booking; cancelled, neither.
      const child = await t.child(await t.mother());
      t.db().prepare(`UPDATE activity_sessions SET starts_at = '2026-11-28T09:00:00.000Z', ends_at = '2026-11-28T11:00:00.000Z' WHERE id = ?`).run(sessionIds[1]);
      expect(await t.call('childcare.book', { childId: child.id, slotId: slots[0].id })).toEqual({ ok: false, error: { code: 'childcare.slotPast' } });
      t.db().prepare(`UPDATE activity_sessions SET cancelled_at = '2026-11-29T08:00:00.000Z' WHERE id = ?`).run(sessionIds[2]);
      expect(await t.call('childcare.book', { childId: child.id, slotId: slots[1].id })).toEqual({ ok: false, error: { code: 'childcare.slotCancelled' } });
      expect(await t.call('childcare.slotsForActivity', { activityId: 999, placeId: t.place.id, capacity: 6, ageUnit: 'years', minAge: 0, maxAge: 6 })).toMatchObject({ ok: false, error: { code: 'childcare.activityNotFound' } });
    } finally {
      t.close();
    }
  });
});

describe('childcare bookings', () => {
  it('refuses a child outside the slot age range, naming the range', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      const older = await t.child(mother, { birthDate: '2018-01-15' });
      const baby = await t.child(mother, { birthDate: null, ageYears: 1 });
      const slot = await t.slot({ minAge: 3, maxAge: 6 });
      expect(await t.call('childcare.book', { childId: older.id, slotId: slot.id })).toEqual({ ok: false, error: { code: 'childcare.ageOutOfRange', params: { age: 8, min: 3, max: 6 } } });
      expect(await t.call('childcare.book', { childId: baby.id, slotId: slot.id })).toEqual({ ok: false, error: { code: 'childcare.ageOutOfRange', params: { age: 1, min: 3, max: 6 } } });
      const infants = await t.slot({ ageUnit: 'months', minAge: 0, maxAge: 18 });
      expect(await t.call('childcare.book', { childId: older.id, slotId: infants.id })).toMatchObject({ ok: false, error: { code: 'childcare.ageOutOfRangeMonths', params: { min: 0, max: 18 } } });
      expect(await t.ok('childcare.book', { childId: baby.id, slotId: infants.id })).toMatchObject({ status: 'booked' });
    } finally {
      t.close();
    }
  });

  it('refuses a new booking once the slot has started', async () => {
    const t = await childcareDesk();
    try {
      const child = await t.child(await t.mother());
      const slot = await t.slot();
      t.clock.current = new Date('2026-12-07T09:00:00.000Z');
      expect(await t.call('childcare.book', { childId: child.id, slotId: slot.id })).toEqual({ ok: false, error: { code: 'childcare.slotPast' } });
      expect(await t.ok('childcare.bookings', { slotId: slot.id })).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('waitlists a child when the slot is full, never over capacity, and offers a freed place to the next, first come first served', async () => {
    const t = await childcareDesk();
    try {
      const slot = await t.slot({ capacity: 2 });
      const kids = [];
      for (const name of ['Awa', 'Binta', 'Coumba', 'Dalia']) kids.push(await t.child(await t.mother(), { firstName: name }));
      const bookings = [];
      for (const kid of kids) bookings.push(await t.ok('childcare.book', { childId: kid.id, slotId: slot.id }));
      expect(bookings.map((b) => [b.status, b.position])).toEqual([['booked', null], ['booked', null], ['waitlisted', 1], ['waitlisted', 2]]);
      expect(await t.ok('childcare.slot', { id: slot.id })).toMatchObject({ taken: 2, waitlisted: 2, free: 0 });
      expect(await t.call('childcare.book', { childId: kids[0].id, slotId: slot.id })).toEqual({ ok: false, error: { code: 'childcare.alreadyBooked' } });

      // Awa's place frees: Coumba (first in line) is offered it for 24 hours; Dalia moves up.
      await t.ok('childcare.cancel', { bookingId: bookings[0].id, reason: null });
      const list = await t.ok('childcare.bookings', { slotId: slot.id });
      expect(list.map((b) => [b.childFirstName, b.status, b.position, b.offeredUntilWall])).toEqual([
        ['Binta', 'booked', null, null],
        ['Coumba', 'offered', null, '2026-11-30T10:00'],
        ['Dalia', 'waitlisted', 1, null],
        ['Awa', 'cancelled', null, null],
      ]);
      expect(await t.ok('childcare.slot', { id: slot.id })).toMatchObject({ taken: 2, free: 0 });
      // Declined: the place passes to Dalia. Accepted: she is booked.
      await t.ok('childcare.declineOffer', { bookingId: bookings[2].id });
      expect(await t.ok('childcare.acceptOffer', { bookingId: bookings[3].id })).toMatchObject({ status: 'booked' });
      expect(await t.call('childcare.acceptOffer', { bookingId: bookings[2].id })).toEqual({ ok: false, error: { code: 'childcare.notOffered' } });
      expect(await t.ok('childcare.slot', { id: slot.id })).toMatchObject({ taken: 2, waitlisted: 0, free: 0 });
    } finally {
      t.close();
    }
  });

  it('never lowers a capacity below the places taken, and offers the places a larger one frees', async () => {
    const t = await childcareDesk();
    try {
      const slot = await t.slot({ capacity: 1 });
      const first = await t.ok('childcare.book', { childId: (await t.child(await t.mother())).id, slotId: slot.id });
      const second = await t.ok('childcare.book', { childId: (await t.child(await t.mother())).id, slotId: slot.id });
      expect(second).toMatchObject({ status: 'waitlisted', position: 1 });
      const terms = { id: slot.id, day: '2026-12-07', starts: '10:00', ends: '12:00', placeId: t.place.id, ageUnit: 'years' as const, minAge: 0, maxAge: 6 };
      await t.ok('childcare.cancel', { bookingId: first.id, reason: null });
      await t.ok('childcare.acceptOffer', { bookingId: second.id });
      const third = await t.ok('childcare.book', { childId: (await t.child(await t.mother())).id, slotId: slot.id });
      expect(await t.call('childcare.saveSlot', { ...terms, capacity: 0 })).toMatchObject({ ok: false, error: { fields: { capacity: 'childcare.capacityNotPositive' } } });
      expect(await t.ok('childcare.saveSlot', { ...terms, capacity: 2 })).toMatchObject({ capacity: 2, taken: 2, waitlisted: 0 });
      expect((await t.ok('childcare.bookings', { slotId: slot.id })).find((b) => b.id === third.id)).toMatchObject({ status: 'offered' });
      expect(await t.call('childcare.saveSlot', { ...terms, capacity: 1 })).toEqual({
        ok: false,
        error: { code: 'childcare.capacityBelowTaken', params: { taken: 2 }, fields: { capacity: 'childcare.capacityBelowTaken' } },
      });
    } finally {
      t.close();
    }
  });

  it('passes an offer not taken in time to the next family, from the clock alone, at the next read', async () => {
    const t = await childcareDesk();
    try {
      const slot = await t.slot({ capacity: 1 });
      const kids = [];
      for (const name of ['Awa', 'Binta', 'Coumba']) kids.push(await t.child(await t.mother(), { firstName: name }));
      const booked = [];
      for (const kid of kids) booked.push(await t.ok('childcare.book', { childId: kid.id, slotId: slot.id }));
      const [first, second, third] = booked;
      await t.ok('childcare.cancel', { bookingId: first.id, reason: null });
      // Three days later nobody has answered: Binta's offer ended after 24 hours, Coumba's after 24 more.
      t.clock.advance(72 * HOUR);
      const list = await t.ok('childcare.bookings', { slotId: slot.id });
      expect(list.map((b) => [b.id, b.status])).toEqual([
        [first.id, 'cancelled'],
        [second.id, 'expired'],
        [third.id, 'expired'],
      ]);
      expect(await t.ok('childcare.slot', { id: slot.id })).toMatchObject({ taken: 0, free: 1 });
      expect(await t.call('childcare.acceptOffer', { bookingId: third.id })).toEqual({ ok: false, error: { code: 'childcare.notOffered' } });
    } finally {
      t.close();
    }
  });

  it('books her children into the matching slot of every future session of an activity, answering per child and session', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      const baby = await t.child(mother, { firstName: 'Awa', birthDate: '2025-06-01' });
      const older = await t.child(mother, { firstName: 'Binta', birthDate: '2021-02-01' });
      const teen = await t.child(mother, { firstName: 'Coumba', birthDate: '2012-02-01' });
      const { activityId, sessionIds } = t.activity(['2026-12-07T09:00:00.000Z', '2026-12-14T09:00:00.000Z']);
      await t.ok('childcare.slotsForActivity', { activityId, placeId: t.place.id, capacity: 1, ageUnit: 'years', minAge: 0, maxAge: 2 });
      await t.ok('childcare.slotsForActivity', { activityId, placeId: t.place.id, capacity: 4, ageUnit: 'years', minAge: 3, maxAge: 6 });
      const other = await t.child(await t.mother('Dalia'), { birthDate: '2025-01-01' });
      const [firstBaby] = await t.ok('childcare.bookForActivity', { childIds: [other.id], activityId });
      expect(firstBaby).toMatchObject({ outcome: 'booked', sessionId: sessionIds[0] });

      const outcomes = await t.ok('childcare.bookForActivity', { childIds: [baby.id, older.id, teen.id], activityId });
      expect(outcomes.map((o) => [o.childId, o.sessionId, o.outcome, o.position, o.reason])).toEqual([
        [baby.id, sessionIds[0], 'waitlisted', 1, null],
        [baby.id, sessionIds[1], 'waitlisted', 1, null],
        [older.id, sessionIds[0], 'booked', null, null],
        [older.id, sessionIds[1], 'booked', null, null],
        [teen.id, sessionIds[0], 'refused', null, 'childcare.ageOutOfRange'],
        [teen.id, sessionIds[1], 'refused', null, 'childcare.ageOutOfRange'],
      ]);
    } finally {
      t.close();
    }
  });
});

describe('check-in and pick-up', () => {
  /** One child booked for Monday's slot, the clock moved to 09:30 that morning (08:30 UTC). */
  async function arrived() {
    const t = await childcareDesk();
    const mother = await t.mother();
    const child = await t.child(mother, { firstName: 'Awa', allergies: 'Arachides', adults: [{ name: 'Mariam Diallo', relation: 'auntOrUncle', phone: '0612345678' }] });
    const slot = await t.slot();
    const booking = await t.ok('childcare.book', { childId: child.id, slotId: slot.id });
    t.clock.current = new Date('2026-12-07T08:30:00.000Z');
    return { t, mother, child, slot, booking, aunt: child.adults[0] };
  }
  const pickUpAudit = (t: Awaited<ReturnType<typeof childcareDesk>>) =>
    t.db().prepare(`SELECT outcome, entity_id AS entityId, detail FROM audit WHERE action = 'childcare.pickUp' ORDER BY id`).all();

  it('gives a pick-up code at check-in, and refuses a second check-in and one on another day', async () => {
    const { t, booking } = await arrived();
    try {
      const checked = await t.ok('childcare.checkIn', { bookingId: booking.id });
      expect(checked).toMatchObject({ status: 'checkedIn', checkedInWall: '2026-12-07T09:30' });
      expect(checked.pickupCode).toMatch(/^[CDFHJKMNPRTWX3479]{3,4}$/);
      expect(await t.call('childcare.checkIn', { bookingId: booking.id })).toEqual({ ok: false, error: { code: 'childcare.alreadyCheckedIn' } });
      expect(await t.ok('childcare.slip', { bookingId: booking.id, language: 'ar' })).toMatchObject({ pickupCode: checked.pickupCode, endsWall: '2026-12-07T12:00', day: '2026-12-07' });

      const other = await t.slot({ day: '2026-12-08' });
      const early = await t.ok('childcare.book', { childId: (await t.child(await t.mother())).id, slotId: other.id });
      expect(await t.call('childcare.checkIn', { bookingId: early.id })).toEqual({ ok: false, error: { code: 'childcare.notToday' } });
    } finally {
      t.close();
    }
  });

  it('refuses the pick-up of a child not checked in', async () => {
    const { t, booking } = await arrived();
    try {
      expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: 'KMN', collector: { kind: 'mother' } })).toEqual({ ok: false, error: { code: 'childcare.notCheckedIn' } });
      expect(await t.ok('childcare.bookings', { slotId: booking.slotId })).toMatchObject([{ status: 'booked', pickedUpAt: null }]);
    } finally {
      t.close();
    }
  });

  it('hands the child to her mother or an adult on her list with the right code, and records who and when', async () => {
    const { t, booking, aunt } = await arrived();
    try {
      const { pickupCode } = await t.ok('childcare.checkIn', { bookingId: booking.id });
      t.clock.advance(2 * 3_600_000);
      // Typed in lower case with a space: the same code.
      const typed = `${pickupCode?.slice(0, 1).toLowerCase()} ${pickupCode?.slice(1)}`;
      expect(await t.ok('childcare.pickUp', { bookingId: booking.id, code: typed, collector: { kind: 'authorised', adultId: aunt.id } })).toMatchObject({
        status: 'pickedUp',
        pickedUpWall: '2026-12-07T11:30',
        collector: 'authorised',
        collectorName: 'Mariam Diallo',
        overridden: false,
      });
      expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: pickupCode, collector: { kind: 'mother' } })).toEqual({ ok: false, error: { code: 'childcare.alreadyPickedUp' } });
    } finally {
      t.close();
    }
  });

  it('refuses a wrong code and an adult not on the list; a desk worker overrides with a reason, audited without the child', async () => {
    const { t, booking, aunt } = await arrived();
    try {
      const { pickupCode } = await t.ok('childcare.checkIn', { bookingId: booking.id });
      const wrong = pickupCode === 'KMN' ? 'KMP' : 'KMN';
      expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: wrong, collector: { kind: 'mother' } })).toEqual({ ok: false, error: { code: 'childcare.wrongCode' } });
      expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: pickupCode, collector: { kind: 'authorised', adultId: aunt.id + 1 } })).toEqual({ ok: false, error: { code: 'childcare.notAuthorised' } });
      expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: pickupCode, collector: { kind: 'other', name: 'Fatou Ndiaye', relation: 'voisine' } })).toEqual({ ok: false, error: { code: 'childcare.notAuthorised' } });
      expect(await t.ok('childcare.board', { day: null })).toMatchObject({ children: [{ bookingId: booking.id }] });

      const handed = await t.ok('childcare.pickUp', { bookingId: booking.id, code: null, collector: { kind: 'other', name: 'Fatou Ndiaye', relation: 'voisine' }, overrideReason: 'Mother in hospital, called the desk' });
      expect(handed).toMatchObject({ status: 'pickedUp', collector: 'other', collectorName: 'Fatou Ndiaye', overridden: true });
      expect(pickUpAudit(t)).toEqual([
        { outcome: 'failure', entityId: String(booking.id), detail: 'childcare.wrongCode' },
        { outcome: 'failure', entityId: String(booking.id), detail: 'childcare.notAuthorised' },
        { outcome: 'failure', entityId: String(booking.id), detail: 'childcare.notAuthorised' },
        { outcome: 'success', entityId: String(booking.id), detail: 'childcare.override: Mother in hospital, called the desk' },
      ]);
      const logged = JSON.stringify(t.db().prepare('SELECT * FROM audit').all());
      for (const name of ['Awa', 'Fatou', 'Rose', 'Arachides']) expect(logged).not.toContain(name);
    } finally {
      t.close();
    }
  });

  it('after three wrong codes the right one no longer opens the pick-up: only an override does', async () => {
    const { t, booking } = await arrived();
    try {
      const { pickupCode } = await t.ok('childcare.checkIn', { bookingId: booking.id });
      const wrong = pickupCode === 'KMN' ? 'KMP' : 'KMN';
      for (let i = 0; i < 3; i++) expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: wrong, collector: { kind: 'mother' } })).toMatchObject({ ok: false, error: { code: 'childcare.wrongCode' } });
      expect(await t.call('childcare.pickUp', { bookingId: booking.id, code: pickupCode, collector: { kind: 'mother' } })).toEqual({ ok: false, error: { code: 'childcare.codeLocked' } });
      expect(await t.ok('childcare.pickUp', { bookingId: booking.id, code: pickupCode, collector: { kind: 'mother' }, overrideReason: 'Her mother, known to the desk' })).toMatchObject({ status: 'pickedUp', collector: 'mother', overridden: true });
    } finally {
      t.close();
    }
  });

  it('shows on the board who is in since when, allergies, who may collect whom, and flags a child still there when her slot has ended', async () => {
    const { t, booking, aunt, mother } = await arrived();
    try {
      const { pickupCode } = await t.ok('childcare.checkIn', { bookingId: booking.id });
      const board = await t.ok('childcare.board', { day: null });
      expect(board).toMatchObject({ day: '2026-12-07', now: '2026-12-07T09:30', expected: [], offers: [] });
      expect(board.slots).toMatchObject([{ id: booking.slotId, taken: 1 }]);
      expect(board.children).toEqual([
        expect.objectContaining({
          bookingId: booking.id,
          childFirstName: 'Awa',
          motherId: mother,
          motherName: 'Rose Kamara',
          checkedInWall: '2026-12-07T09:30',
          pickupCode,
          allergies: 'Arachides',
          collectors: [
            { kind: 'mother', adultId: null, name: null, relation: null },
            { kind: 'authorised', adultId: aunt.id, name: 'Mariam Diallo', relation: 'auntOrUncle' },
          ],
          overdue: false,
        }),
      ]);
      t.clock.current = new Date('2026-12-07T11:00:00.000Z');
      expect((await t.ok('childcare.board', { day: null })).children).toMatchObject([{ bookingId: booking.id, overdue: true }]);
      expect(t.db().prepare(`SELECT count(*) AS n FROM audit WHERE action = 'childcare.board'`).get()).toEqual({ n: 2 });
    } finally {
      t.close();
    }
  });
});
