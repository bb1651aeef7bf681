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

/** An array nested `depth` deep, built without recursion: [[[ ... ]]]. */
function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

function nestedObjects(depth: number): unknown {
  let value: unknown = { deskNotes: 'bottom' };
  for (let i = 1; i < depth; i++) value = { values: value };
  return value;
}

describe('draft data', () => {
  it('refuses anything but plain JSON of bounded depth and size with a field code, stores nothing, and still keeps a real draft', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const cyclicObject: Record<string, unknown> = { v: 1, label: null };
      cyclicObject.values = cyclicObject;
      const cyclicArray: unknown[] = [1];
      cyclicArray.push(cyclicArray);
      const sparse: unknown[] = [1];
      sparse[3] = 2;
      class Values {
        needs = ['legal'];
      }
      const invalid: [string, unknown][] = [
        ['a cyclic object', cyclicObject],
        ['a cyclic array', cyclicArray],
        ['arrays nested 20,000 deep', nestedArrays(20_000)],
        ['objects nested 20,000 deep', nestedObjects(20_000)],
        ['objects nested 33 deep', nestedObjects(33)],
        ['a Map', { values: new Map([['needs', ['legal']]]) }],
        ['a Set', { values: new Set(['legal']) }],
        ['a Date', { values: { visitDate: new Date('2026-11-29') } }],
        ['a class instance', { values: new Values() }],
        ['a BigInt', { values: { childrenCount: 2n } }],
        ['a function', { values: { toJSON: () => 'x' } }],
        ['a symbol', { values: { label: Symbol('x') } }],
        ['a symbol key', { values: { [Symbol('x')]: 1 } }],
        ['undefined in an array', { values: { needs: ['legal', undefined] } }],
        ['undefined in an object', { values: { urgency: undefined } }],
        ['undefined itself', undefined],
        ['a hole in an array', { values: { needs: sparse } }],
        ['NaN', { values: { childrenCount: Number.NaN } }],
        ['Infinity', { values: { childrenCount: Number.POSITIVE_INFINITY } }],
      ];
      for (const [what, data] of invalid) {
        expect(await t.call('drafts.save', { form: 'registration', data }), what).toEqual({
          ok: false,
          error: { code: 'call.invalidInput', fields: { data: 'drafts.invalid' } },
        });
      }
      // More values than could ever fit in a draft is too large, said before any serialising.
      expect(await t.call('drafts.save', { form: 'registration', data: new Array(40_000).fill(0) })).toEqual({
        ok: false,
        error: { code: 'call.invalidInput', fields: { data: 'drafts.tooLarge' } },
      });
      expect(await t.ok('drafts.list', {})).toEqual([]);

      // 32 deep is allowed, and a real draft comes back as it was given.
      await t.ok('drafts.save', { form: 'intake', data: nestedObjects(32) });
      const draft = { v: 1, label: 'NDR-2026-0001', values: { visitDate: '2026-11-29', needs: ['legal'], urgency: null, disclosed: false, childrenCount: 0, ratio: -0.5 } };
      await t.ok('drafts.save', { form: 'registration', data: draft });
      expect((await t.ok('drafts.get', { form: 'registration' }))?.data).toEqual(draft);
      expect((await t.ok('drafts.list', {})).map((d) => d.form).sort()).toEqual(['intake', 'registration']);
    } finally {
      t.close();
    }
  });
});
