import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `until` (a Date.now() value), ticking; never more than
 * `total`, the wait main announced. 0 when there is nothing to wait for.
 */
export function useCountdown(until: number | null, total: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 250);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [until]);
  if (until === null) return 0;
  return Math.min(total, Math.max(0, Math.ceil((until - now) / 1000)));
}
