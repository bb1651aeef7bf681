import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { useDrafts } from './DraftsContext';
import { isStoredDraft, resumeRequested } from './forms';

const SAVE_DELAY_MS = 400;

export interface Draft<T> {
  /** A draft found when the form opened, not yet taken back or dropped: the form offers it. */
  offer: { values: T; updatedAt: string } | null;
  /** The stored draft has been looked for (the form may show itself). */
  ready: boolean;
  /** Keeps these values as the draft, a moment after the last change. */
  save(values: T): void;
  /** Puts the offered draft back into the form. */
  resume(): void;
  /** Drops the offered draft; the form starts empty. */
  discard(): Promise<void>;
  /** The form was sent (or abandoned on purpose): its draft goes, and nothing more is kept. */
  finish(): Promise<void>;
}

/**
 * Keeps a form's draft in the encrypted database while it is typed: debounced
 * `drafts.save`, sent at once before this window locks, dropped on submit. A draft
 * found when the form opens is offered back, never put back unasked (unless the
 * person chose "Resume" elsewhere); while it is offered nothing overwrites it.
 */
export function useDraft<T>(form: string | null, label: string | null, restore: (values: T) => void): Draft<T> {
  const api = useApi();
  const { beforeLock } = useDesk();
  const { reload } = useDrafts();
  const location = useLocation();
  const [offer, setOffer] = useState<Draft<T>['offer']>(null);
  const [ready, setReady] = useState(false);
  const timer = useRef<number | null>(null);
  const pending = useRef<T | null>(null);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const closed = useRef(false);
  const blocked = useRef(true);
  const restoreRef = useRef(restore);
  const labelRef = useRef(label);
  const arrivedWith = useRef<unknown>(location.state);
  useEffect(() => {
    restoreRef.current = restore;
    labelRef.current = label;
  });

  const send = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const values = pending.current;
    pending.current = null;
    if (values === null || closed.current || !form) return inFlight.current;
    const data = { v: 1 as const, label: labelRef.current, values };
    inFlight.current = inFlight.current.then(() => api.drafts.save({ form, data }));
    return inFlight.current;
  }, [api, form]);

  useEffect(() => {
    if (!form) return;
    let current = true;
    closed.current = false;
    blocked.current = true;
    void api.drafts.get({ form }).then((result) => {
      if (!current) return;
      const stored = result.ok && result.value && isStoredDraft<T>(result.value.data) ? result.value : null;
      if (stored && isStoredDraft<T>(stored.data)) {
        if (resumeRequested(arrivedWith.current, form)) {
          restoreRef.current(stored.data.values);
          blocked.current = false;
        } else {
          setOffer({ values: stored.data.values, updatedAt: stored.updatedAt });
        }
      } else {
        blocked.current = false;
      }
      setReady(true);
    });
    return () => {
      current = false;
    };
  }, [api, form]);

  // Sent before a lock asked from this window, and when the form goes away (another page).
  useEffect(() => beforeLock(send), [beforeLock, send]);
  useEffect(() => () => void send(), [send]);

  const save = useCallback(
    (values: T) => {
      if (blocked.current || closed.current) return;
      pending.current = values;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void send(), SAVE_DELAY_MS);
    },
    [send],
  );

  const resume = useCallback(() => {
    if (!offer) return;
    restoreRef.current(offer.values);
    setOffer(null);
    blocked.current = false;
  }, [offer]);

  const discard = useCallback(async () => {
    if (!form) return;
    await api.drafts.discard({ form });
    setOffer(null);
    blocked.current = false;
    reload();
  }, [api, form, reload]);

  const finish = useCallback(async () => {
    if (!form) return;
    closed.current = true;
    pending.current = null;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    await inFlight.current.catch(() => undefined);
    await api.drafts.discard({ form });
    setOffer(null);
    reload();
  }, [api, form, reload]);

  return { offer, ready, save, resume, discard, finish };
}
