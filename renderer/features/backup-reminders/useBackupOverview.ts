import { useEffect, useState } from 'react';
import type { BackupOverview } from '../../../shared/domain/backups';
import { useApi } from '../../app/api';

/** When the last verified backup was made, read once when the page opens (null until then, or if it could not be read). */
export function useBackupOverview(): BackupOverview | null {
  const api = useApi();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  useEffect(() => {
    let current = true;
    void api.backups.overview({}).then((result) => {
      if (current && result.ok) setOverview(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return overview;
}
