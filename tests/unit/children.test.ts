import { describe, expect, it } from 'vitest';
import { childcareDesk } from '../support/childcare';

describe('children', () => {
  it('records a child under her mother, with a birth date or an approximate age that grows with the calendar; her mother is implied', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      const awa = await t.child(mother, { firstName: 'Awa', birthDate: '2023-03-10', allergies: 'Arachides', careNotes: 'Sieste après le repas', adults: [{ name: 'Mariam Diallo', relation: 'auntOrUncle', phone: '0612345678' }] });
      expect(awa).toMatchObject({ motherId: mother, firstName: 'Awa', ageMonths: 44, sex: 'female', allergies: 'Arachides', careNotes: 'Sieste après le repas', anonymised: false });
      expect(awa.adults).toEqual([{ id: expect.any(Number), name: 'Mariam Diallo', relation: 'auntOrUncle', phone: '0612345678' }]);
      const nameless = await t.child(mother, { firstName: null, birthDate: null, ageYears: 4, sex: 'male' });
      expect(nameless).toMatchObject({ firstName: null, ageYears: 4, ageGivenOn: '2026-11-29', ageMonths: 48 });
      // A year later she is five; the birth date counts in months.
      t.clock.current = new Date('2027-12-01T09:00:00.000Z');
      expect((await t.ok('children.ofMother', { visitorId: mother })).map((c) => [c.id, c.ageMonths])).toEqual([
        [awa.id, 56],
        [nameless.id, 60],
      ]);
    } finally {
      t.close();
    }
  });

  it('refuses a child with neither birth date nor age, born in the future, older than 17, or under a mother anonymised or unknown', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      expect(await t.call('children.add', { motherId: mother, child: { sex: 'female' } })).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { 'child.birthDate': 'children.ageRequired' } } });
      expect(await t.call('children.add', { motherId: mother, child: { sex: 'female', birthDate: '2026-12-25' } })).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { 'child.birthDate': 'children.birthDateFuture' } } });
      expect(await t.call('children.add', { motherId: mother, child: { sex: 'female', ageYears: 18 } })).toMatchObject({ ok: false, error: { fields: { 'child.ageYears': 'children.tooOld' } } });
      expect(await t.call('children.add', { motherId: 999, child: { sex: 'female', ageYears: 3 } })).toEqual({ ok: false, error: { code: 'visitors.notFound' } });
      await t.as('admin');
      await t.ok('visitors.anonymise', { id: mother });
      await t.as('desk');
      expect(await t.call('children.add', { motherId: mother, child: { sex: 'female', ageYears: 3 } })).toEqual({ ok: false, error: { code: 'visitors.anonymised' } });
      expect(await t.ok('children.ofMother', { visitorId: mother })).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('keeps the list of authorised adults as the form gives it: kept, changed, added, removed', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      const awa = await t.child(mother, { adults: [{ name: 'Mariam', relation: 'auntOrUncle' }, { name: 'Ibrahim', relation: 'father' }] });
      const [mariam] = awa.adults;
      const updated = await t.ok('children.update', { id: awa.id, child: { firstName: 'Awa', sex: 'female', birthDate: '2023-03-10', adults: [{ ...mariam, phone: '0699999999' }, { name: 'Kadiatou', relation: 'grandparent' }] } });
      expect(updated.adults.map((a) => [a.id === mariam.id, a.name, a.relation, a.phone])).toEqual([
        [true, 'Mariam', 'auntOrUncle', '0699999999'],
        [false, 'Kadiatou', 'grandparent', null],
      ]);
    } finally {
      t.close();
    }
  });

  it('shows allergies and care notes to those who run the childcare, not to an administrator', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      await t.child(mother, { allergies: 'Lait', careNotes: 'Asthme' });
      await t.as('psychologist');
      expect(await t.ok('children.ofMother', { visitorId: mother })).toMatchObject([{ allergies: 'Lait', careNotes: 'Asthme' }]);
      await t.as('admin');
      expect(await t.ok('children.ofMother', { visitorId: mother })).toMatchObject([{ allergies: null, careNotes: null }]);
      expect(await t.call('children.add', { motherId: mother, child: { sex: 'female', ageYears: 3 } })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
    } finally {
      t.close();
    }
  });

  it('anonymising a mother while her child is booked erases the children and their adults, cancels their future places and offers them to the next family', async () => {
    const t = await childcareDesk();
    try {
      const mother = await t.mother();
      const awa = await t.child(mother, { firstName: 'Awa', allergies: 'Arachides', careNotes: 'Sieste', adults: [{ name: 'Mariam Diallo', relation: 'auntOrUncle', phone: '0612345678' }] });
      const next = await t.child(await t.mother('Dalia'), { firstName: 'Binta' });
      const slot = await t.slot({ capacity: 1 });
      const booked = await t.ok('childcare.book', { childId: awa.id, slotId: slot.id });
      const waiting = await t.ok('childcare.book', { childId: next.id, slotId: slot.id });
      expect(waiting).toMatchObject({ status: 'waitlisted', position: 1 });

      await t.as('admin');
      await t.ok('visitors.anonymise', { id: mother });
      await t.as('desk');
      const [erased] = await t.ok('children.ofMother', { visitorId: mother });
      expect(erased).toMatchObject({ id: awa.id, firstName: null, birthDate: null, ageYears: 3, allergies: null, careNotes: null, adults: [], anonymised: true });
      const list = await t.ok('childcare.bookings', { slotId: slot.id });
      expect(list.map((b) => [b.id, b.status])).toEqual([
        [waiting.id, 'offered'],
        [booked.id, 'cancelled'],
      ]);
      expect(JSON.stringify(t.db().prepare('SELECT * FROM children c LEFT JOIN child_adults a ON a.child_id = c.id WHERE c.id = ?').all(awa.id))).not.toMatch(/Awa|Arachides|Sieste|Mariam|0612345678|2023-03-10/);
      expect(await t.call('childcare.book', { childId: awa.id, slotId: slot.id })).toEqual({ ok: false, error: { code: 'children.anonymised' } });
      expect(await t.call('children.update', { id: awa.id, child: { sex: 'female', ageYears: 3 } })).toEqual({ ok: false, error: { code: 'children.anonymised' } });
    } finally {
      t.close();
    }
  });
});
