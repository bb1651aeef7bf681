import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, STAFF_ROLES } from '../domain/accounts';
import { weekdaySchema, wallTime, type PlaceView } from '../domain/listening';
import { requiredText, rowId, text } from './common';

/** Where sessions happen, with their rooms and opening hours: administrators manage them. */
const placeFields = z.object({
  name: requiredText(120),
  /** Printed on the visitor's card instead of the name: discreet, nothing of the listening unit. */
  cardName: text(120).nullable().default(null),
  address: text(300).nullable().default(null),
  active: z.boolean().default(true),
  rooms: z
    .array(z.object({ id: rowId.optional(), name: requiredText(80), active: z.boolean().default(true) }))
    .min(1, { error: 'places.roomRequired' })
    .max(20),
  hours: z
    .array(
      z.object({ weekday: weekdaySchema, opens: wallTime, closes: wallTime }).refine((h) => h.closes > h.opens, { error: 'endBeforeStart', path: ['closes'] }),
    )
    .max(28),
});
export const placeInputSchema = placeFields;

export const placesProcedures = {
  'places.list': procedure<PlaceView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: STAFF_ROLES, audit: false }),
  'places.create': procedure<PlaceView>()({ input: placeFields, access: ADMIN_ROLES, audit: { kind: 'write', entity: 'place' } }),
  'places.update': procedure<PlaceView>()({ input: placeFields.extend({ id: rowId }), access: ADMIN_ROLES, audit: { kind: 'write', entity: 'place' } }),
};
