import { Navigate, Route, Routes, useParams } from 'react-router';
import { PlaceFormPage } from './PlaceFormPage';
import { PlacesPage } from './PlacesPage';

function KeyedPlace() {
  const { id } = useParams();
  return <PlaceFormPage key={id} placeId={Number(id)} />;
}

/** The places where sessions happen: the list, a new place, one place's rooms and hours. */
export function PlacesSection() {
  return (
    <Routes>
      <Route index element={<PlacesPage />} />
      <Route path="new" element={<PlaceFormPage placeId={null} />} />
      <Route path=":id" element={<KeyedPlace />} />
      <Route path="*" element={<Navigate to="/places" replace />} />
    </Routes>
  );
}
