import { useEffect, useRef } from 'react';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Calls `onIdle` once when nobody has touched mouse, keyboard or screen for
 * `minutes`. Main has its own idle lock too; this one is the renderer's, for
 * the activity only the window sees.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const delay = Math.max(1, minutes) * 60_000;
    let fired = false;
    let timer = window.setTimeout(fire, delay);
    function fire() {
      if (fired) return;
      fired = true;
      callback.current();
    }
    function activity() {
      if (fired) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(fire, delay);
    }
    for (const event of ACTIVITY) window.addEventListener(event, activity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, activity, { capture: true });
    };
  }, [minutes]);
}
