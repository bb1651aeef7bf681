import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupDriveView } from '../../../shared/domain/backups';
import { useApi } from '../../app/api';
import { drivesToOffer, stillPlugged } from './drive-offer';

/** How often the drives are looked at: a drive plugged in is offered within a few seconds. */
export const DRIVE_POLL_MS = 3000;

/**
 * Looks at the removable drives while `enabled` (an administrator's session) and the window
 * is visible; hands back a drive just plugged in that holds this desk's backups. `quiet`
 * keeps looking (so a drive seen then is not offered later) without offering.
 */
export function useDriveOffer(enabled: boolean, quiet: boolean): { offer: BackupDriveView | null; dismiss(): void } {
  const api = useApi();
  const [offer, setOffer] = useState<BackupDriveView | null>(null);
  const known = useRef<BackupDriveView[] | null>(null);
  const quietNow = useRef(quiet);
  useEffect(() => {
    quietNow.current = quiet;
  }, [quiet]);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let looking = false;
    const look = async () => {
      if (looking || stopped || document.visibilityState !== 'visible') return;
      looking = true;
      try {
        const result = await api.backups.drives({});
        // A failed look is no unplugging: what was known stays until a look succeeds.
        if (stopped || !result.ok) return;
        const fresh = drivesToOffer(known.current, result.value);
        known.current = result.value;
        setOffer((shown) => {
          if (shown) return stillPlugged(shown, result.value) ? shown : null;
          return fresh.length > 0 && !quietNow.current ? fresh[0] : null;
        });
      } finally {
        looking = false;
      }
    };
    void look();
    const timer = window.setInterval(() => void look(), DRIVE_POLL_MS);
    // Back in front: look at once rather than at the next tick.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void look();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, enabled]);

  const dismiss = useCallback(() => setOffer(null), []);
  return { offer, dismiss };
}
