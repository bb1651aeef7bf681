import { useMemo } from 'react';
import type { NoteDraft } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import type { DraftStore } from '../drafts/useDraft';

/** A note's draft is sealed under her own key (`notes.saveDraft`), never in the plain drafts table. */
export function useNoteDraftStore(): DraftStore {
  const api = useApi();
  return useMemo<DraftStore>(
    () => ({
      get: async (key) => {
        const result = await api.notes.getDraft({ key });
        if (!result.ok || !result.value) return result;
        return { ok: true, value: { data: { v: 1, label: null, values: result.value.data }, updatedAt: result.value.updatedAt } };
      },
      save: (key, data) => api.notes.saveDraft({ key, data: data.values as NoteDraft }),
      discard: (key) => api.notes.discardDraft({ key }),
    }),
    [api],
  );
}
