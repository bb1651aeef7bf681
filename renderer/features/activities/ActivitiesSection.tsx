import { Navigate, Route, Routes, useParams } from 'react-router';
import { ActivitiesPage } from './ActivitiesPage';
import { ActivityPage } from './ActivityPage';
import { RollCallPage } from './RollCallPage';

function KeyedActivity() {
  const { id } = useParams();
  return <ActivityPage key={id} id={Number(id)} />;
}

function KeyedRollCall() {
  const { sessionId } = useParams();
  return <RollCallPage key={sessionId} sessionId={Number(sessionId)} />;
}

/** The workshops, one workshop with its sessions and enrolments, and a session's roll call. */
export function ActivitiesSection() {
  return (
    <Routes>
      <Route index element={<ActivitiesPage />} />
      <Route path=":id" element={<KeyedActivity />} />
      <Route path="sessions/:sessionId/roll-call" element={<KeyedRollCall />} />
      <Route path="*" element={<Navigate to="/activities" replace />} />
    </Routes>
  );
}
