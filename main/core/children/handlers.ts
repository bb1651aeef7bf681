import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { readSettings } from '../settings/service';
import { touchVisitor } from '../visitors/service';
import { calendarDateIn } from '../../../shared/domain/calendar';
import { seesChildCareNotes } from '../../../shared/domain/policy';
import { addChild, childrenOfMother, childViews, getChildRow, updateChild } from './service';

/** A child recorded or changed is something that happened to her mother (touchVisitor). */
export const childrenHandlers: HandlersFor<'children.ofMother' | 'children.get' | 'children.add' | 'children.update'> = {
  'children.ofMother': ({ visitorId }, { desk, setAuditEntityId }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(visitorId);
    const today = calendarDateIn(readSettings(db).timeZone, now);
    return childViews(db, childrenOfMother(db, visitorId), today, seesChildCareNotes(user.roles));
  },
  'children.get': ({ id }, { desk, setAuditEntityId }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(id);
    const today = calendarDateIn(readSettings(db).timeZone, now);
    return childViews(db, [getChildRow(db, id)], today, seesChildCareNotes(user.roles))[0];
  },
  'children.add': ({ motherId, child }, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const today = calendarDateIn(readSettings(db).timeZone, now);
    const id = addChild(db, actor, motherId, child, now, today);
    setAuditEntityId(id);
    touchVisitor(db, motherId, now);
    return childViews(db, [getChildRow(db, id)], today, true)[0];
  },
  'children.update': ({ id, child }, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(id);
    const today = calendarDateIn(readSettings(db).timeZone, now);
    updateChild(db, actor, id, child, now, today);
    const row = getChildRow(db, id);
    touchVisitor(db, row.mother_id, now);
    return childViews(db, [row], today, true)[0];
  },
};
