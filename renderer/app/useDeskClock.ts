import { useEffect, useState } from 'react';
import type { DeskClock } from '../../shared/domain/listening';
import { useApi } from './api';

/** How often the schedule asks main for the time again: its "now" line, and "today" past midnight. */
const REFRESH_MS = 60_000;

/**
 * The desk's today and wall-clock now, as main reads them (its clock, Node's zone data), or
 * null until main has answered. Every screen takes "today" from here, never from
 * the browser's clock and zone.
 */
export function useDeskClock(): DeskClock | null {
  const api = useApi();
  const [clock, setClock] = useState<DeskClock | null>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      void api.appointments.clock({}).then((result) => {
        if (current && result.ok) setClock((previous) => (previous?.now === result.value.now ? previous : result.value));
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api]);
  return clock;
}
