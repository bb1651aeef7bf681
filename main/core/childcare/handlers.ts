import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { readSettings } from '../settings/service';
import { endOfDayIn, startOfDayIn } from '../../../shared/domain/calendar';
import { createSlotsForActivity, getSlotRow, saveSlot, slotRowsBetween, slotViews } from './slots/service';

type ChildcareCall =
  | 'childcare.slots'
  | 'childcare.slot'
  | 'childcare.bookings'
  | 'childcare.ofChild'
  | 'childcare.saveSlot'
  | 'childcare.slotsForActivity'
  | 'childcare.book'
  | 'childcare.bookForActivity'
  | 'childcare.cancel'
  | 'childcare.acceptOffer'
  | 'childcare.declineOffer'
  | 'childcare.checkIn'
  | 'childcare.pickUp'
  | 'childcare.board'
  | 'childcare.slip'
  | 'childcare.slipPrinted';

const notYet = (): never => {
  throw new AppError('call.internal');
};

export const childcareHandlers: HandlersFor<ChildcareCall> = {
  'childcare.slots': ({ from, to }, { desk }) => {
    const { db } = acting(desk);
    const zone = readSettings(db).timeZone;
    return slotViews(db, slotRowsBetween(db, startOfDayIn(from, zone), endOfDayIn(to, zone)), zone);
  },
  'childcare.slot': ({ id }, { desk }) => {
    const { db } = acting(desk);
    return slotViews(db, [getSlotRow(db, id)], readSettings(db).timeZone)[0];
  },
  'childcare.saveSlot': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const zone = readSettings(db).timeZone;
    const id = saveSlot(db, actor, input, now, zone);
    setAuditEntityId(id);
    return slotViews(db, [getSlotRow(db, id)], zone)[0];
  },
  'childcare.slotsForActivity': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(input.activityId);
    const ids = createSlotsForActivity(db, actor, input, now);
    return slotViews(db, ids.map((id) => getSlotRow(db, id)), readSettings(db).timeZone);
  },
  'childcare.bookings': notYet,
  'childcare.ofChild': notYet,
  'childcare.book': notYet,
  'childcare.bookForActivity': notYet,
  'childcare.cancel': notYet,
  'childcare.acceptOffer': notYet,
  'childcare.declineOffer': notYet,
  'childcare.checkIn': notYet,
  'childcare.pickUp': notYet,
  'childcare.board': notYet,
  'childcare.slip': notYet,
  'childcare.slipPrinted': notYet,
};
