import { useEffect, useState } from 'react';
import type { PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';

/** The desk's places (slots carry only their ids): names for the lists and the choices of a new slot. */
export function usePlaces(): PlaceView[] {
  const api = useApi();
  const [places, setPlaces] = useState<PlaceView[]>([]);
  useEffect(() => {
    let current = true;
    void api.places.list({}).then((result) => {
      if (current && result.ok) setPlaces(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return places;
}
