import { useEffect, useState } from 'react';
import type { NotesStatus } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';

/** Whether her notes are open (she holds her secret) or closed after a password reset. */
export function useNotesStatus(): NotesStatus | null {
  const api = useApi();
  const [status, setStatus] = useState<NotesStatus | null>(null);
  useEffect(() => {
    let current = true;
    void api.notes.status({}).then((result) => {
      if (current && result.ok) setStatus(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return status;
}
