import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupDriveView } from '../../../shared/domain/backups';
import type { ErrorInfo } from '../../../shared/errors';
import { useApi } from '../../app/api';

/** Drives are looked for again this often while the screen is open: a drive plugged in shows up by itself. */
export const DRIVES_POLL_MS = 3000;

/** The removable drives plugged in now, each with the backups it holds, kept fresh while the screen is open. */
export function useDrives() {
  const api = useApi();
  const [drives, setDrives] = useState<BackupDriveView[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [round, setRound] = useState(0);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const load = useCallback(async () => {
    const result = await api.backups.drives({});
    if (!live.current) return;
    if (result.ok) {
      setDrives(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
    setRound((n) => n + 1);
  }, [api]);

  // Each answer schedules the next look; the first one at once.
  useEffect(() => {
    const timer = setTimeout(() => void load(), round === 0 ? 0 : DRIVES_POLL_MS);
    return () => clearTimeout(timer);
  }, [round, load]);

  return { drives, error, refresh: load };
}
