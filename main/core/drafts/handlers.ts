import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { requireActiveVisitor } from '../visitors/service';
import { visitorIdOfForm } from '../../../shared/domain/drafts';
import { discardDraft, getDraft, listDrafts, saveDraft } from './service';

export const draftsHandlers: HandlersFor<'drafts.save' | 'drafts.get' | 'drafts.list' | 'drafts.discard'> = {
  'drafts.save': ({ form, data }, { desk }) => {
    const { db, user, now } = acting(desk);
    // A form about an anonymised visitor would keep, in its draft, what anonymisation erased.
    const about = visitorIdOfForm(form);
    if (about !== null) requireActiveVisitor(db, about);
    saveDraft(db, user.id, form, data, now);
    return null;
  },
  'drafts.get': ({ form }, { desk }) => {
    const { db, user } = acting(desk);
    return getDraft(db, user.id, form);
  },
  'drafts.list': (_input, { desk }) => {
    const { db, user } = acting(desk);
    return listDrafts(db, user.id);
  },
  'drafts.discard': ({ form }, { desk }) => {
    const { db, user } = acting(desk);
    discardDraft(db, user.id, form);
    return null;
  },
};
