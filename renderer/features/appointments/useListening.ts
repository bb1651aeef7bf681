import { useEffect, useState } from 'react';
import type { InterpreterView, PlaceView, PsychologistView, SessionKindView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';

/** What the schedule's choices are made of: the places and their rooms, the psychologists, the kinds, the interpreters. */
export interface ListeningLists {
  places: PlaceView[];
  psychologists: PsychologistView[];
  kinds: SessionKindView[];
  interpreters: InterpreterView[];
}

/** The lists, once all four have come (null until then). */
export function useListening(): ListeningLists | null {
  const api = useApi();
  const [lists, setLists] = useState<ListeningLists | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all([
      api.places.list({}),
      api.availability.psychologists({}),
      api.appointments.kinds({}),
      api.interpreters.list({}),
    ]).then(([places, psychologists, kinds, interpreters]) => {
      if (!current) return;
      setLists({
        places: places.ok ? places.value.filter((p) => p.active) : [],
        psychologists: psychologists.ok ? psychologists.value.filter((p) => p.active) : [],
        kinds: kinds.ok ? kinds.value.filter((k) => k.active) : [],
        interpreters: interpreters.ok ? interpreters.value.filter((i) => i.active) : [],
      });
    });
    return () => {
      current = false;
    };
  }, [api]);
  return lists;
}
