import type { ListeningLists } from './useListening';

/**
 * What the schedule hands the booking page when she picks a time on the grid: the place, the
 * wall-clock moment, and the column's psychologist or room. In the address, so that Back
 * returns to the grid and the booking page reads it like a visitor's `?visitor=`.
 */
export interface BookingPrefill {
  placeId: number;
  /** `YYYY-MM-DDTHH:MM` on the desk's clock. */
  startsAt: string;
  psychologistId: number | null;
  roomId: number | null;
}

const WALL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function bookingLink(prefill: BookingPrefill): string {
  const params = new URLSearchParams({ place: String(prefill.placeId), at: prefill.startsAt });
  if (prefill.psychologistId !== null) params.set('psychologist', String(prefill.psychologistId));
  if (prefill.roomId !== null) params.set('room', String(prefill.roomId));
  return `/appointments/new?${params.toString()}`;
}

/** The address's prefill, keeping only what the lists still offer (a place closed since, a psychologist disabled). */
export function readPrefill(params: URLSearchParams, lists: ListeningLists): Partial<BookingPrefill> {
  const place = lists.places.find((p) => p.id === Number(params.get('place')));
  if (!place) return {};
  const at = params.get('at') ?? '';
  const psychologist = lists.psychologists.find((p) => p.id === Number(params.get('psychologist')));
  const room = place.rooms.find((r) => r.active && r.id === Number(params.get('room')));
  return {
    placeId: place.id,
    ...(WALL_MOMENT.test(at) ? { startsAt: at } : {}),
    ...(psychologist ? { psychologistId: psychologist.id } : {}),
    ...(room ? { roomId: room.id } : {}),
  };
}
