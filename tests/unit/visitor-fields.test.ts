import { describe, expect, it } from 'vitest';
import { visitorFieldsSchema, type VisitorFields } from '../../shared/domain/visitors';
import { IDENTIFYING_FIELDS, VISITOR_FIELD_NAMES, VISITOR_FIELDS, type VisitorFieldName, type VisitorFieldSpec } from '../../shared/domain/visitor-fields';
import ar from '../../shared/i18n/ar.json';
import en from '../../shared/i18n/en.json';
import fr from '../../shared/i18n/fr.json';
import { deskWithStaff, loginAs } from '../support/desk';

const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

/** A value for the field that is not its empty one, chosen from what its form offers. */
function heldValue(name: VisitorFieldName, spec: VisitorFieldSpec): unknown {
  switch (spec.form) {
    case 'name':
      return `Held-${name}`;
    case 'choice':
      return spec.options?.find((option) => option !== spec.empty && option !== 'undisclosed');
    case 'country':
      return 'CI';
    case 'languages':
      return ['bm', 'fr'];
    case 'language':
      return 'bm';
    case 'year':
      return 1993;
    case 'checkbox':
      return true;
    case 'phone':
      return '+212612345678';
    case 'count':
      return 3;
    case 'month':
      return '2025-03';
  }
}

/** Every field of the table holding something. */
const HELD = Object.fromEntries(VISITOR_FIELD_NAMES.map((name) => [name, heldValue(name, VISITOR_FIELDS[name])])) as VisitorFields;

function lookup(catalogue: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), catalogue);
}

describe('the visitor field table', () => {
  it('declares every field of the schema once, each with a column of its own', () => {
    expect([...VISITOR_FIELD_NAMES].sort()).toEqual(Object.keys(visitorFieldsSchema.shape).sort());
    const columns = VISITOR_FIELD_NAMES.map((name) => VISITOR_FIELDS[name].column);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('erases every identifying field on anonymisation, and keeps each only with consent to data processing', () => {
    for (const name of IDENTIFYING_FIELDS) {
      expect(VISITOR_FIELDS[name].erasedOnAnonymisation, name).toBe(true);
      expect(VISITOR_FIELDS[name].consent, name).toBe('dataProcessing');
    }
  });

  it('gives each field an empty value the schema accepts, and a held one that differs from it', () => {
    const empty = Object.fromEntries(VISITOR_FIELD_NAMES.map((name) => [name, VISITOR_FIELDS[name].empty]));
    expect(visitorFieldsSchema.safeParse(empty).success).toBe(true);
    expect(visitorFieldsSchema.safeParse(HELD).success).toBe(true);
    for (const name of VISITOR_FIELD_NAMES) expect(JSON.stringify(HELD[name]), name).not.toBe(JSON.stringify(VISITOR_FIELDS[name].empty));
  });

  it('has a label for every field and for every value of every choice, in fr, ar and en', () => {
    for (const [language, catalogue] of Object.entries({ fr, ar, en })) {
      for (const name of VISITOR_FIELD_NAMES) {
        const spec = VISITOR_FIELDS[name];
        expect(lookup(catalogue, `visitorFields.${spec.label}`), `${language} visitorFields.${spec.label}`).toEqual(expect.any(String));
        if (!spec.labels) continue;
        for (const option of spec.options ?? []) {
          const label = lookup(catalogue, `${spec.labels}.${option}`);
          const text = typeof label === 'object' && label !== null ? (label as { label?: unknown }).label : label;
          expect(text, `${language} ${spec.labels}.${option}`).toEqual(expect.any(String));
        }
      }
    }
  });
});

describe('every field of the table, through the desk', () => {
  it('is kept as registered, and after anonymisation is empty if the table says it is erased, as it was if not', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id } = await t.ok('visitors.register', { fields: HELD, consents: ALL });
      const kept = await t.ok('visitors.get', { id });
      for (const name of VISITOR_FIELD_NAMES) expect(kept.visitor.fields[name], name).toEqual(HELD[name]);
      // An edit, so that the history holds values for anonymisation to erase.
      await t.ok('visitors.update', { id, fields: { ...HELD, firstName: 'Held-again', childrenCount: 4 } });
      t.desk.lock('button');

      await loginAs(t, t.staff.admin);
      const after = await t.ok('visitors.anonymise', { id });
      const profile = await t.ok('visitors.get', { id });
      for (const name of VISITOR_FIELD_NAMES) {
        const expected = VISITOR_FIELDS[name].erasedOnAnonymisation ? VISITOR_FIELDS[name].empty : HELD[name];
        expect(after.fields[name], name).toEqual(expected);
        expect(profile.visitor.fields[name], name).toEqual(expected);
      }
      // The history keeps that a field changed, never a value of it.
      expect(profile.changes.map((change) => change.field).sort()).toEqual(['childrenCount', 'firstName']);
      expect(profile.changes.every((change) => change.oldValue === null && change.newValue === null)).toBe(true);
    } finally {
      t.close();
    }
  });

  it('loses every identifying field, and only those, when consent to data processing is withdrawn', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const { id } = await t.ok('visitors.register', { fields: HELD, consents: ALL });
      await t.ok('visitors.update', { id, fields: { ...HELD, lastName: 'Held-again' } });
      await t.ok('drafts.save', { form: `intake:${id}`, data: { deskNotes: 'unfinished' } });
      await t.ok('consents.record', { visitorId: id, kind: 'dataProcessing', granted: false });
      const { visitor } = await t.ok('visitors.get', { id });
      for (const name of VISITOR_FIELD_NAMES) {
        expect(visitor.fields[name], name).toEqual(VISITOR_FIELDS[name].identifying ? VISITOR_FIELDS[name].empty : HELD[name]);
      }
      // What could repeat them goes too: the history's values, her search entry, drafts about her.
      const { changes } = await t.ok('visitors.get', { id });
      expect(changes.find((change) => change.field === 'lastName')).toMatchObject({ oldValue: null, newValue: null });
      expect((await t.ok('visitors.search', { query: 'Held-again' })).items).toEqual([]);
      expect(await t.ok('drafts.list', {})).toEqual([]);
      // Without that consent no identifying field can be written again.
      for (const name of IDENTIFYING_FIELDS) {
        const refused = await t.call('visitors.update', { id, fields: { ...visitor.fields, [name]: HELD[name] } });
        expect(refused, name).toMatchObject({ ok: false, error: { code: 'visitors.consentRequired', fields: { [`fields.${name}`]: 'consent.dataProcessingRequired' } } });
      }
    } finally {
      t.close();
    }
  });
});
