import { describe, expect, it } from 'vitest';
import { activitiesDesk } from '../support/activities';
import type { InputOf } from '../../shared/contract';

const multiActorDay = (extra: Partial<InputOf<'events.create'>> = {}): InputOf<'events.create'> => ({
  kind: 'multiActorDay',
  title: 'Journée multi-acteurs santé',
  day: '2026-12-10',
  placeId: null,
  location: 'Salle municipale, Nador',
  headcounts: { associations: 12, publicInstitutions: 5, migrantCommunities: 30, academics: 3 },
  ...extra,
});

describe('events', () => {
  it('records an event with headcounts by category and registered visitors, and totals them', async () => {
    const t = await activitiesDesk();
    try {
      const [rose, hawa] = [await t.register('Rose'), await t.register('Hawa')];
      const event = await t.ok('events.create', multiActorDay({ participantIds: [rose, hawa, rose] }));
      expect(event).toMatchObject({
        kind: 'multiActorDay',
        placeId: null,
        location: 'Salle municipale, Nador',
        headcounts: { associations: 12, publicInstitutions: 5, migrantCommunities: 30, academics: 3, other: 0 },
        total: 52,
      });
      expect(event.participants.map((p) => p.visitorId).sort()).toEqual([rose, hawa].sort());

      const atHome = await t.ok('events.update', { ...multiActorDay({ kind: 'fair', placeId: t.place.id, location: null, participantIds: [hawa] }), id: event.id });
      expect(atHome).toMatchObject({ kind: 'fair', placeName: t.place.name, location: null, total: 51 });
      expect((await t.ok('events.list', { from: '2026-12-01', to: '2026-12-31' })).map((e) => e.id)).toEqual([event.id]);
      expect(await t.ok('events.list', { from: '2027-01-01' })).toEqual([]);

      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT action, entity, entity_id, outcome FROM audit WHERE action LIKE 'events.%' ORDER BY id`).all()).toEqual([
        { action: 'events.create', entity: 'event', entity_id: String(event.id), outcome: 'success' },
        { action: 'events.update', entity: 'event', entity_id: String(event.id), outcome: 'success' },
      ]);
    } finally {
      t.close();
    }
  });

  it('refuses a negative headcount, an event with neither place nor location, an unknown place and an anonymised participant', async () => {
    const t = await activitiesDesk();
    try {
      expect(await t.call('events.create', multiActorDay({ headcounts: { associations: -1 } }))).toEqual({
        ok: false,
        error: { code: 'call.invalidInput', fields: { 'headcounts.associations': 'events.headcountNegative' } },
      });
      expect(await t.call('events.create', multiActorDay({ headcounts: { academics: 1.5 } }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { 'headcounts.academics': 'invalid' } } });
      expect(await t.call('events.create', multiActorDay({ location: ' ' }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { location: 'events.placeRequired' } } });
      expect(await t.call('events.create', multiActorDay({ placeId: 999 }))).toEqual({ ok: false, error: { code: 'places.notFound', fields: { placeId: 'events.placeNotFound' } } });
      expect(await t.call('events.create', multiActorDay({ kind: 'party' as 'fair' }))).toEqual({ ok: false, error: { code: 'call.invalidInput', fields: { kind: 'required' } } });

      const hawa = await t.register('Hawa');
      await t.as('admin');
      await t.ok('visitors.anonymise', { id: hawa });
      expect(await t.call('events.create', multiActorDay({ participantIds: [hawa] }))).toEqual({ ok: false, error: { code: 'visitors.anonymised' } });
      expect(await t.call('events.get', { id: 42 })).toEqual({ ok: false, error: { code: 'events.notFound' } });
      const { db } = t.desk.requireSession();
      expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
      await t.as('psychologist');
      expect(await t.call('events.create', multiActorDay())).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      expect(await t.ok('events.list', {})).toEqual([]);
    } finally {
      t.close();
    }
  });
});
