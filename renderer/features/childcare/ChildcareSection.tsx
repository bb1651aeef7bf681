import { Route, Routes } from 'react-router';
import { BoardPage } from './BoardPage';
import { SlotsPage } from './SlotsPage';

/** The childcare space: its slots by day, and the board of who is in. */
export function ChildcareSection() {
  return (
    <Routes>
      <Route index element={<SlotsPage />} />
      <Route path="board" element={<BoardPage />} />
    </Routes>
  );
}
