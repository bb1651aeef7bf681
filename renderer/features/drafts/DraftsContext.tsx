import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../../app/api';
import { isStoredDraft } from './forms';

export interface DraftSummary {
  form: string;
  updatedAt: string;
  label: string | null;
}

interface DraftsContextValue {
  drafts: DraftSummary[];
  reload(): void;
}

const DraftsContext = createContext<DraftsContextValue | null>(null);

/**
 * The unfinished forms of the person logged in, read once when her session opens
 * (after each login or unlock) and again whenever a form keeps or drops its draft.
 */
export function DraftsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void (async () => {
      const list = await api.drafts.list({});
      if (!list.ok) return;
      const summaries = await Promise.all(
        list.value.map(async ({ form, updatedAt }) => {
          const draft = await api.drafts.get({ form });
          const label = draft.ok && draft.value && isStoredDraft(draft.value.data) ? draft.value.data.label : null;
          return { form, updatedAt, label };
        }),
      );
      if (current) setDrafts(summaries);
    })();
    return () => {
      current = false;
    };
  }, [api, version]);

  const reload = useCallback(() => setVersion((count) => count + 1), []);
  const value = useMemo(() => ({ drafts, reload }), [drafts, reload]);
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>;
}

export function useDrafts(): DraftsContextValue {
  const value = useContext(DraftsContext);
  if (!value) throw new Error('useDrafts outside DraftsProvider');
  return value;
}
