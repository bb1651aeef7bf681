import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../shared/contract';
import { LANGUAGES, ROLES } from '../../shared/domain/accounts';
import { ACTIVITY_KIND_KEYS, ATTENDANCE_STATUSES, EVENT_KINDS, HEADCOUNT_CATEGORIES } from '../../shared/domain/activities';
import { AUDIT_ACTIONS } from '../../shared/domain/audit';
import { ADULT_RELATIONS, AGE_UNITS, BOOKING_OUTCOMES, BOOKING_STATUSES, COLLECTOR_KINDS } from '../../shared/domain/childcare';
import { PARTNER_KINDS, REFERRAL_STATUSES } from '../../shared/domain/referrals';
import {
  CONSENT_KINDS,
  FAMILY_SITUATIONS,
  HOUSING_SITUATIONS,
  NEEDS,
  ORIENTATIONS,
  SEXES,
  SPOKEN_LANGUAGES,
  URGENCIES,
  VIOLENCE_TYPES,
  VULNERABILITIES,
} from '../../shared/domain/visitors';
import { ERROR_CODES, SERVICE_FIELD_CODES } from '../../shared/errors';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const RESOURCES: Record<'fr' | 'ar' | 'en', Tree> = { fr, ar, en };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(RESOURCES).map(([lng, tree]) => [lng, flatten(tree)])) as Record<
  keyof typeof RESOURCES,
  Map<string, string>
>;

/** Keys with their plural suffix taken off: each language has its own plural forms. */
function baseKeys(keys: Iterable<string>): string[] {
  return [...new Set([...keys].map((key) => key.replace(PLURAL, '')))].sort();
}

function has(lng: keyof typeof RESOURCES, key: string): boolean {
  return flat[lng].has(key) || flat[lng].has(`${key}_other`);
}

/** Every code a zod schema in shared/ gives as its message (`{ error: 'password.tooShort' }`, or an issue's `message: 'drafts.invalid'`). */
function schemaMessageCodes(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/(?:error|message):\s*'([\w.]+)'/g)) codes.add(match[1]);
      }
    }
  };
  walk(join(import.meta.dirname, '../../shared'));
  return [...codes].sort();
}

describe('translations', () => {
  it('holds the same keys in French, Arabic and English', () => {
    const reference = baseKeys(flat.fr.keys());
    expect(baseKeys(flat.ar.keys())).toEqual(reference);
    expect(baseKeys(flat.en.keys())).toEqual(reference);
  });

  it('gives each plural every form its language needs, and no other', () => {
    for (const lng of ['fr', 'ar', 'en'] as const) {
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();
      const plurals = new Map<string, string[]>();
      for (const key of flat[lng].keys()) {
        const match = PLURAL.exec(key);
        if (match) plurals.set(key.replace(PLURAL, ''), [...(plurals.get(key.replace(PLURAL, '')) ?? []), match[1]]);
      }
      for (const [key, forms] of plurals) expect({ lng, key, forms: forms.sort() }).toEqual({ lng, key, forms: needed });
    }
  });

  it('has no empty message', () => {
    for (const lng of ['fr', 'ar', 'en'] as const) {
      for (const [key, value] of flat[lng]) expect({ lng, key, empty: value.trim() === '' }).toEqual({ lng, key, empty: false });
    }
  });

  it('writes Arabic in Arabic script', () => {
    const latinOnly = [...flat.ar].filter(([key, value]) => {
      const words = value.replace(/\{\{\w+\}\}/g, '');
      return !key.startsWith('languageNames.') && /[A-Za-z]/.test(words) && !/[\u0600-\u06FF]/.test(words);
    });
    // Key names stay in Latin letters (Ctrl L, Alt N); the app's name is a brand.
    expect(latinOnly.map(([key]) => key)).toEqual(['app.name', 'shell.lockShortcutKeys', 'shell.newVisitorShortcutKeys']);
  });

  it('translates every error code main can answer with', () => {
    for (const lng of ['fr', 'ar', 'en'] as const) {
      for (const code of ERROR_CODES) expect({ lng, code, found: has(lng, `errors.${code}`) }).toEqual({ lng, code, found: true });
    }
  });

  it('translates every field code the schemas give, and the router fallbacks', () => {
    const codes = [...schemaMessageCodes(), ...SERVICE_FIELD_CODES, 'required', 'invalid', 'confirm.mismatch'];
    expect(codes).toContain('password.tooShort');
    for (const lng of ['fr', 'ar', 'en'] as const) {
      for (const code of codes) expect({ lng, code, found: has(lng, `fields.${code}`) }).toEqual({ lng, code, found: true });
    }
  });

  it('names every audited action and every procedure in the audit log', () => {
    for (const lng of ['fr', 'ar', 'en'] as const) {
      for (const action of [...AUDIT_ACTIONS, ...PROCEDURE_NAMES]) {
        expect({ lng, action, found: has(lng, `auditActions.${action}`) }).toEqual({ lng, action, found: true });
      }
    }
  });

  it('labels every option of every list a screen offers, in every language', () => {
    // Where an option has more than a name (a GBVIMS type's question, a consent's description), its name is `.label`.
    const labelOf = (prefix: string, option: string) => (flat.fr.has(`${prefix}.${option}.label`) ? `${prefix}.${option}.label` : `${prefix}.${option}`);
    const lists: Record<string, readonly string[]> = {
      sexes: SEXES,
      spokenLanguages: SPOKEN_LANGUAGES,
      familySituations: FAMILY_SITUATIONS,
      housingSituations: HOUSING_SITUATIONS,
      needs: NEEDS,
      urgencies: URGENCIES,
      orientations: ORIENTATIONS,
      vulnerabilities: VULNERABILITIES,
      violenceTypes: VIOLENCE_TYPES,
      consentKinds: CONSENT_KINDS,
      partnerKinds: PARTNER_KINDS,
      referralStatuses: REFERRAL_STATUSES,
      roles: ROLES,
      languageNames: LANGUAGES,
      'children.values.relations': ADULT_RELATIONS,
      'childcare.values.ageUnits': AGE_UNITS,
      'childcare.values.bookingStatuses': BOOKING_STATUSES,
      'childcare.values.collectorKinds': COLLECTOR_KINDS,
      'childcare.values.bookingOutcomes': BOOKING_OUTCOMES,
      'activities.kinds': ACTIVITY_KIND_KEYS,
      'activities.attendance': ATTENDANCE_STATUSES,
      'events.kinds': EVENT_KINDS,
      'events.categories': HEADCOUNT_CATEGORIES,
    };
    for (const lng of ['fr', 'ar', 'en'] as const) {
      for (const [prefix, options] of Object.entries(lists)) {
        for (const option of options) {
          const key = labelOf(prefix, option);
          expect({ lng, key, found: has(lng, key) }).toEqual({ lng, key, found: true });
        }
      }
    }
  });

  it('keeps the same interpolation variables in every language', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of flat.fr) {
      if (PLURAL.test(key)) continue;
      for (const lng of ['ar', 'en'] as const) {
        const other = flat[lng].get(key);
        expect({ lng, key, variables: other === undefined ? null : variables(other) }).toEqual({ lng, key, variables: variables(value) });
      }
    }
  });
});
