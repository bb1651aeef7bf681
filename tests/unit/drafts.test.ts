import { describe, expect, it } from 'vitest';
import { REGISTRATION_FORM, intakeForm, visitorIdOfForm } from '../../shared/domain/drafts';
import { deskWithStaff, loginAs } from '../support/desk';

describe('draft form names', () => {
  it('name the visitor a form is about, and no one for the others', () => {
    expect(visitorIdOfForm(intakeForm(42))).toBe(42);
    expect(visitorIdOfForm(REGISTRATION_FORM)).toBeNull();
    expect(visitorIdOfForm('intake')).toBeNull();
    // Not form names at all: the contract refuses them, so none can hide whom it is about.
    for (const form of ['intake:0', 'intake:12:3', 'intake:-1', 'intake:1e3', 'intake:', ':12', 'intake:١٢']) {
      expect(visitorIdOfForm(form), form).toBeNull();
    }
  });

  it('the contract refuses a name that is not a form name', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      for (const form of ['intake:12:3', 'note:abc', 'intake:0']) {
        expect(await t.call('drafts.save', { form, data: {} }), form).toMatchObject({ ok: false, error: { code: 'call.invalidInput', fields: { form: 'invalid' } } });
      }
      expect(await t.ok('drafts.list', {})).toEqual([]);
    } finally {
      t.close();
    }
  });
});
