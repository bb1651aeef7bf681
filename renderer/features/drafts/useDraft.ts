import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { useLocation } from 'react-router';
import type { Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { useDrafts } from './DraftsContext';
import { isStoredDraft, resumeRequested } from './forms';

const SAVE_DELAY_MS = 400;

/**
 * Where a form's draft is kept: the plain `drafts` table by default; private notes keep
 * theirs sealed under the psychologist's own key (renderer/features/notes/note-drafts.ts).
 */
export interface DraftStore {
  get(form: string): Promise<Result<{ data: unknown; updatedAt: string } | null>>;
  save(form: string, data: { v: 1; label: string | null; values: unknown }): Promise<Result<null>>;
  discard(form: string): Promise<Result<null>>;
}

export interface Draft {
  /** A draft found when the form opened, not yet taken back or dropped: the form offers it. */
  offer: { updatedAt: string } | null;
  /** The stored draft has been looked for (the form may show itself). */
  ready: boolean;
  /** Puts the offered draft back into the form. */
  resume(): void;
  /** Drops the offered draft; the form starts empty. */
  discard(): Promise<void>;
  /** The form was sent (or abandoned on purpose): its draft goes, and nothing more is kept. */
  finish(): Promise<void>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored draft laid over the form's first values, field by field: a field the form no
 * longer has is left out, a field the draft lacks keeps its first value.
 */
function overDefaults(defaults: unknown, stored: unknown): unknown {
  if (!isRecord(defaults)) return stored === undefined ? defaults : stored;
  if (!isRecord(stored)) return defaults;
  return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, overDefaults(value, stored[key])]));
}

/**
 * Keeps a react-hook-form form's draft in the encrypted database while it is typed:
 * every change (`watch`) schedules a `drafts.save` of `getValues()`, sent at once before
 * this window locks, dropped on submit. A draft found when the form opens is offered
 * back (`reset` over the first values), never put back unasked (unless the person chose
 * "Resume" elsewhere); while it is offered nothing overwrites it. A form still at its
 * first values keeps no draft.
 */
export function useDraft<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, name: string | null, label: string | null, custom?: DraftStore): Draft {
  const api = useApi();
  const store = useMemo<DraftStore>(
    () => custom ?? { get: (f) => api.drafts.get({ form: f }), save: (f, data) => api.drafts.save({ form: f, data }), discard: (f) => api.drafts.discard({ form: f }) },
    [api, custom],
  );
  const { beforeLock } = useDesk();
  const { reload } = useDrafts();
  const location = useLocation();
  const { watch, getValues, reset, formState } = form;
  const [offer, setOffer] = useState<{ values: unknown; updatedAt: string } | null>(null);
  const [ready, setReady] = useState(false);
  const timer = useRef<number | null>(null);
  const changed = useRef(false);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const closed = useRef(false);
  const blocked = useRef(true);
  /** A draft of this form may be stored: one was found, or saved since. */
  const held = useRef(false);
  const labelRef = useRef(label);
  const arrivedWith = useRef<unknown>(location.state);
  // The first values, as the form was opened with them: a draft is what differs from them.
  // Kept as they are too: JSON drops the fields not yet chosen, which a draft may fill.
  const [defaults] = useState(() => formState.defaultValues ?? {});
  const [pristine] = useState(() => JSON.stringify(defaults));
  useEffect(() => {
    labelRef.current = label;
  });

  const restore = useCallback(
    (stored: unknown) => reset(overDefaults(defaults, stored) as DefaultValues<T>, { keepDefaultValues: true }),
    [reset, defaults],
  );

  const send = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!changed.current || closed.current || !name) return inFlight.current;
    changed.current = false;
    // As JSON has it: a field not yet chosen is `undefined` in the form, which main refuses in a draft.
    const json = JSON.stringify(getValues());
    if (json === pristine) {
      // Back to the opening values (consent unticked, say, which clears the names): the stored
      // draft goes, or it would keep what she took back.
      if (!held.current) return inFlight.current;
      held.current = false;
      inFlight.current = inFlight.current.then(() => store.discard(name));
      return inFlight.current;
    }
    const data = { v: 1 as const, label: labelRef.current, values: JSON.parse(json) as unknown };
    held.current = true;
    inFlight.current = inFlight.current.then(() => store.save(name, data));
    return inFlight.current;
  }, [store, name, getValues, pristine]);

  useEffect(() => {
    if (!name) return;
    let current = true;
    closed.current = false;
    blocked.current = true;
    void store.get(name).then((result) => {
      if (!current) return;
      const stored = result.ok && result.value && isStoredDraft(result.value.data) ? { values: result.value.data.values, updatedAt: result.value.updatedAt } : null;
      held.current = stored !== null;
      if (stored && resumeRequested(arrivedWith.current, name)) restore(stored.values);
      else if (stored) setOffer(stored);
      blocked.current = stored !== null && !resumeRequested(arrivedWith.current, name);
      setReady(true);
    });
    return () => {
      current = false;
    };
  }, [store, name, restore]);

  // Every change the person makes, a moment after the last one.
  useEffect(() => {
    const subscription = watch(() => {
      if (blocked.current || closed.current) return;
      changed.current = true;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void send(), SAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [watch, send]);

  // Sent before a lock asked from this window, and when the form goes away (another page).
  useEffect(() => beforeLock(send), [beforeLock, send]);
  useEffect(() => () => void send(), [send]);

  const resume = useCallback(() => {
    if (!offer) return;
    restore(offer.values);
    setOffer(null);
    blocked.current = false;
  }, [offer, restore]);

  const discard = useCallback(async () => {
    if (!name) return;
    await store.discard(name);
    held.current = false;
    setOffer(null);
    blocked.current = false;
    reload();
  }, [store, name, reload]);

  const finish = useCallback(async () => {
    if (!name) return;
    closed.current = true;
    changed.current = false;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    await inFlight.current.catch(() => undefined);
    await store.discard(name);
    setOffer(null);
    reload();
  }, [store, name, reload]);

  return { offer, ready, resume, discard, finish };
}
