import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { createPlace, listPlaces, updatePlace } from './service';

export const placesHandlers: HandlersFor<'places.list' | 'places.create' | 'places.update'> = {
  'places.list': ({ includeInactive }, { desk }) => listPlaces(acting(desk).db, includeInactive),
  'places.create': (fields, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    const place = createPlace(db, fields, now);
    setAuditEntityId(place.id);
    return place;
  },
  'places.update': ({ id, ...fields }, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    setAuditEntityId(id);
    return updatePlace(db, id, fields, now);
  },
};
