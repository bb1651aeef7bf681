import { Navigate, Route, Routes } from 'react-router';
import { EventsPage } from './EventsPage';

/** The events: one list, each created and edited in its dialog. */
export function EventsSection() {
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path="*" element={<Navigate to="/events" replace />} />
    </Routes>
  );
}
