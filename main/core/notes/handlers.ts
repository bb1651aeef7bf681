import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { requireActiveVisitor } from '../visitors/service';
import { breakGlass } from './break-glass';
import { createNote, handOver, readDraft, readNote, saveDraft, updateNote } from './notes';
import {
  acknowledgeBreakGlass,
  authorsOfVisitorNotes,
  closedAccounts,
  discardNoteDraft,
  endHandover,
  listPsychologists,
  standingHandoversFrom,
  notesReadableBy,
  unseenBreakGlass,
  visitorCodeOf,
  visitorIdByCode,
} from './service';

type NotesProcedure =
  | 'notes.status'
  | 'notes.create'
  | 'notes.update'
  | 'notes.get'
  | 'notes.listForVisitor'
  | 'notes.psychologists'
  | 'notes.handover'
  | 'notes.endHandover'
  | 'notes.notices'
  | 'notes.acknowledgeNotice'
  | 'notes.saveDraft'
  | 'notes.getDraft'
  | 'notes.discardDraft'
  | 'notes.breakGlassPreview'
  | 'notes.breakGlass'
  | 'notes.closedAccounts';

/** The audit entries name the note, the visitor or the user, and how a note was read: never its content. */
export const notesHandlers: HandlersFor<NotesProcedure> = {
  'notes.status': (_input, { desk }) => {
    const session = desk.requireSession();
    return { hasSecret: session.userSecret !== null };
  },
  'notes.create': (input, { desk, setAuditEntityId }) => {
    const note = createNote(desk, input);
    setAuditEntityId(note.id);
    return note;
  },
  'notes.update': ({ id, body }, { desk, setAuditEntityId }) => {
    setAuditEntityId(id);
    return updateNote(desk, id, body);
  },
  'notes.get': ({ id }, { desk, setAuditEntityId, setAuditDetail }) => {
    setAuditEntityId(id);
    const note = readNote(desk, id);
    setAuditDetail(note.access);
    return note;
  },
  'notes.listForVisitor': ({ visitorId }, { desk, setAuditEntityId }) => {
    const { db, user } = acting(desk);
    setAuditEntityId(visitorId);
    const handovers = standingHandoversFrom(db, user.id, visitorId).map((h) => ({ id: h.id, recipient: { id: h.recipientId, displayName: h.recipientName }, since: h.since }));
    return { visitor: { id: visitorId, code: visitorCodeOf(db, visitorId) }, ...notesReadableBy(db, user.id, visitorId), handovers };
  },
  'notes.psychologists': (_input, { desk }) => listPsychologists(acting(desk).db),
  'notes.handover': ({ visitorId, recipientId }, { desk, setAuditEntityId, setAuditDetail }) => {
    setAuditEntityId(visitorId);
    setAuditDetail(`recipient: ${recipientId}`);
    return { notes: handOver(desk, visitorId, recipientId) };
  },
  'notes.endHandover': ({ id }, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(id);
    const keysTakenBack = endHandover(db, id, user.id, now);
    setAuditDetail(`keys: ${keysTakenBack}`);
    return { keysTakenBack };
  },
  'notes.notices': (_input, { desk }) => {
    const { db, user } = acting(desk);
    return unseenBreakGlass(db, user.id);
  },
  'notes.acknowledgeNotice': ({ id }, { desk, setAuditEntityId }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(id);
    acknowledgeBreakGlass(db, id, user.id, now);
    return null;
  },
  'notes.saveDraft': ({ key, data }, { desk }) => {
    saveDraft(desk, key, data);
    return null;
  },
  'notes.getDraft': ({ key }, { desk }) => readDraft(desk, key),
  'notes.discardDraft': ({ key }, { desk }) => {
    const { db, user } = acting(desk);
    discardNoteDraft(db, user.id, key);
    return null;
  },
  'notes.breakGlassPreview': ({ visitorCode }, { desk, setAuditEntityId }) => {
    const { db } = acting(desk);
    const visitorId = visitorIdByCode(db, visitorCode);
    setAuditEntityId(visitorId);
    requireActiveVisitor(db, visitorId);
    return { visitorId, visitorCode: visitorCodeOf(db, visitorId), authors: authorsOfVisitorNotes(db, visitorId) };
  },
  'notes.breakGlass': async (input, { desk, setAuditEntityId, setAuditDetail }) => {
    setAuditEntityId(input.visitorId);
    setAuditDetail(`recipient: ${input.recipientId}`);
    const granted = await breakGlass(desk, input);
    setAuditDetail(`recipient: ${input.recipientId}; notes: ${granted.notes}; authors: ${granted.authors}`);
    return granted;
  },
  'notes.closedAccounts': (_input, { desk }) => closedAccounts(acting(desk).db),
};
