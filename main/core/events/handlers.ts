import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { touchVisitor } from '../visitors/service';
import { createEvent, getEvent, listEvents, updateEvent } from './service';

/** Taking part in an event is something that happened to her: each participant added moves up the search. */
export const eventsHandlers: HandlersFor<'events.list' | 'events.get' | 'events.create' | 'events.update'> = {
  'events.list': (range, { desk }) => listEvents(acting(desk).db, range),
  'events.get': ({ id }, { desk }) => getEvent(acting(desk).db, id),
  'events.create': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const event = createEvent(db, actor, input, now);
    for (const p of event.participants) touchVisitor(db, p.visitorId, now);
    setAuditEntityId(event.id);
    return event;
  },
  'events.update': ({ id, ...input }, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    setAuditEntityId(id);
    const before = new Set(getEvent(db, id).participants.map((p) => p.visitorId));
    const event = updateEvent(db, id, input, now);
    for (const p of event.participants) if (!before.has(p.visitorId)) touchVisitor(db, p.visitorId, now);
    return event;
  },
};
