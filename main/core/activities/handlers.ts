import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { activitiesOfVisitor, activityDetail, getActivityKind, listActivities, listActivityKinds, saveActivityKind, sessionDetail } from './service';
import { addSession, cancelSession, createActivity, moveSession, updateActivity } from './sessions';
import { enrol, rollCall, saveRollCall, withdraw } from './enrolment';

export const activitiesHandlers: HandlersFor<
  | 'activities.kinds'
  | 'activities.saveKind'
  | 'activities.list'
  | 'activities.get'
  | 'activities.create'
  | 'activities.update'
  | 'activities.addSession'
  | 'activities.session'
  | 'activities.moveSession'
  | 'activities.cancelSession'
  | 'activities.enrol'
  | 'activities.withdraw'
  | 'activities.rollCall'
  | 'activities.saveRollCall'
  | 'activities.ofVisitor'
> = {
  'activities.kinds': ({ includeInactive }, { desk }) => listActivityKinds(acting(desk).db, includeInactive),
  'activities.saveKind': (input, { desk, setAuditEntityId }) => {
    const { db } = acting(desk);
    if (input.id !== null) getActivityKind(db, input.id);
    const kind = saveActivityKind(db, input);
    setAuditEntityId(kind.id);
    return kind;
  },
  'activities.list': ({ includeInactive }, { desk }) => {
    const { db, now } = acting(desk);
    return listActivities(db, includeInactive, now);
  },
  'activities.get': ({ id }, { desk }) => {
    const { db, now } = acting(desk);
    return activityDetail(db, id, now);
  },
  'activities.create': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const activity = createActivity(db, actor, input, now);
    setAuditEntityId(activity.id);
    return activity;
  },
  'activities.update': (input, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    setAuditEntityId(input.id);
    return updateActivity(db, input, now);
  },
  'activities.addSession': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const session = addSession(db, actor, input, now);
    setAuditEntityId(session.id);
    return session;
  },
  'activities.session': ({ id }, { desk }) => sessionDetail(acting(desk).db, id),
  'activities.moveSession': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(input.id);
    return moveSession(db, actor, input, now);
  },
  'activities.cancelSession': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(input.id);
    return cancelSession(db, actor, input, now);
  },
  'activities.enrol': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const enrolment = enrol(db, actor, input, now);
    setAuditEntityId(enrolment.id);
    return enrolment;
  },
  'activities.withdraw': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    const enrolment = withdraw(db, actor, input, now);
    setAuditEntityId(enrolment.id);
    return enrolment;
  },
  'activities.rollCall': ({ sessionId }, { desk }) => {
    const { db, now } = acting(desk);
    return rollCall(db, sessionId, now);
  },
  'activities.saveRollCall': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(input.sessionId);
    return saveRollCall(db, actor, input, now);
  },
  'activities.ofVisitor': ({ visitorId }, { desk }) => activitiesOfVisitor(acting(desk).db, visitorId),
};
