import { z } from 'zod';
import { procedure } from './define';
import { STAFF_ROLES } from '../domain/accounts';
import { ACTIVITY_MANAGER_ROLES, EVENT_KINDS, headcountSchema, type HeadcountCategory, type EventView } from '../domain/activities';
import { TEXT_MAX } from '../domain/visitors';
import { isoDate, requiredText, rowId, text, visitorId } from './common';

/** Events (multi-actor days, seminars, fairs): headcounts by category and the registered visitors who took part. */
const count = headcountSchema.default(0);
/** One count per category (`HEADCOUNT_CATEGORIES`), zero when left out. */
const headcounts = z.object({
  associations: count,
  publicInstitutions: count,
  migrantCommunities: count,
  academics: count,
  other: count,
} satisfies Record<HeadcountCategory, typeof count>);

const eventFields = z.object({
  kind: z.enum(EVENT_KINDS, { error: 'required' }),
  title: requiredText(160),
  day: isoDate,
  /** One of the desk's places, or a location typed (a hall in town, a partner's premises). */
  placeId: rowId.nullable().default(null),
  location: text(200).nullable().default(null),
  notes: text(TEXT_MAX).nullable().default(null),
  headcounts: headcounts.prefault({}),
  participantIds: z.array(visitorId).max(2000, { error: 'tooBig' }).default([]),
});
const hasPlace = (e: { placeId: number | null; location: string | null }) => e.placeId !== null || (e.location ?? '').length > 0;
const placeRequired = { error: 'events.placeRequired', path: ['location'] };
export const eventFieldsSchema = eventFields.refine(hasPlace, placeRequired);
export const updateEventSchema = eventFields.extend({ id: rowId }).refine(hasPlace, placeRequired);
export type EventInput = z.output<typeof eventFieldsSchema>;

export const eventsProcedures = {
  /** Events of a span of days (the desk's `YYYY-MM-DD`, inclusive), or all when null. */
  'events.list': procedure<EventView[]>()({
  input: z.object({ from: isoDate.nullable().default(null), to: isoDate.nullable().default(null) }),
  access: STAFF_ROLES,
  audit: false,
  }),
  'events.get': procedure<EventView>()({ input: z.object({ id: rowId }), access: STAFF_ROLES, audit: false }),
  'events.create': procedure<EventView>()({ input: eventFieldsSchema, access: ACTIVITY_MANAGER_ROLES, audit: { kind: 'write', entity: 'event' } }),
  'events.update': procedure<EventView>()({
  input: updateEventSchema,
  access: ACTIVITY_MANAGER_ROLES,
  audit: { kind: 'write', entity: 'event' },
  }),
};
