import { Navigate, Route, Routes, useParams } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import { useSession } from '../../app/desk';
import { AppointmentPage } from './AppointmentPage';
import { BookingPage } from './BookingPage';
import { SchedulePage } from './SchedulePage';

function KeyedAppointment() {
  const { id } = useParams();
  return <AppointmentPage key={id} />;
}

/** The schedule, a booking, one appointment. */
export function AppointmentsSection() {
  const { user } = useSession();
  return (
    <Routes>
      <Route index element={<SchedulePage />} />
      <Route path="new" element={mayCall(user, 'appointments.book') ? <BookingPage /> : <Navigate to="/appointments" replace />} />
      <Route path=":id" element={<KeyedAppointment />} />
      <Route path="*" element={<Navigate to="/appointments" replace />} />
    </Routes>
  );
}
