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
