import type { ComponentType } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { useSession } from '../../app/desk';
import { worksAtDesk } from '../../app/navigation';
import { EditIdentityPage } from './EditIdentityPage';
import { IntakePage } from '../intakes/IntakePage';
import { VisitorNotesPage } from '../notes/VisitorNotesPage';
import { mayCall } from '../../../shared/contract/access';
import { ProfilePage } from './ProfilePage';
import { RegistrationPage } from './RegistrationPage';
import { VisitorsPage } from './VisitorsPage';

/** A page per visitor is a page of its own: a new id, a fresh form. */
function Keyed({ page: Page }: { page: ComponentType }) {
  const { id } = useParams();
  return <Page key={id} />;
}

/** The visitors' pages: the list, a registration, a profile, its identity and its intakes. */
export function VisitorsSection() {
  const { user } = useSession();
  const desk = worksAtDesk(user);
  return (
    <Routes>
      <Route index element={<VisitorsPage />} />
      <Route path="new" element={desk ? <RegistrationPage /> : <Navigate to="/visitors" replace />} />
      <Route path=":id" element={<Keyed page={ProfilePage} />} />
      <Route path=":id/edit" element={desk ? <Keyed page={EditIdentityPage} /> : <Navigate to="/visitors" replace />} />
      <Route path=":id/intake" element={desk ? <Keyed page={IntakePage} /> : <Navigate to="/visitors" replace />} />
      <Route path=":id/notes" element={mayCall(user, 'notes.listForVisitor') ? <VisitorNotesPage /> : <Navigate to="/visitors" replace />} />
      <Route path="*" element={<Navigate to="/visitors" replace />} />
    </Routes>
  );
}
