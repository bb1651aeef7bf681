import type { RemovableDrive } from './drives-types';

/**
 * Noticing a drive being plugged in: the list is polled (every OS tool is cheap enough at
 * 2 s, and no native notification module is needed), and the listener hears only of changes.
 */
export interface DriveChange {
  drives: RemovableDrive[];
  plugged: RemovableDrive[];
  unplugged: RemovableDrive[];
}

export interface DriveWatcher {
  stop(): void;
  /** One poll now; a poll already running is joined, not doubled. */
  poll(): Promise<void>;
}

/** A drive remounted elsewhere is another drive: the backup screen's path changed. */
const keyOf = (drive: RemovableDrive) => `${drive.id}\u0000${drive.mountPoint}`;

export function diffDrives(prev: readonly RemovableDrive[], next: readonly RemovableDrive[]): { plugged: RemovableDrive[]; unplugged: RemovableDrive[] } {
  const before = new Set(prev.map(keyOf));
  const after = new Set(next.map(keyOf));
  return { plugged: next.filter((d) => !before.has(keyOf(d))), unplugged: prev.filter((d) => !after.has(keyOf(d))) };
}

export function watchDrives({
  list,
  intervalMs = 2000,
  onChange,
  log = console.warn,
}: {
  list: () => Promise<RemovableDrive[]>;
  intervalMs?: number;
  onChange: (change: DriveChange) => void;
  log?: (line: string) => void;
}): DriveWatcher {
  // Starts empty, so the first poll reports the drives already plugged in when the app starts.
  let known: RemovableDrive[] = [];
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  const pollOnce = async () => {
    let drives: RemovableDrive[];
    try {
      drives = await list();
    } catch {
      // A failed look is no unplugging: keep what was known until a list succeeds.
      log('guichet: drives-watch-list-failed');
      return;
    }
    if (stopped) return;
    const { plugged, unplugged } = diffDrives(known, drives);
    known = drives;
    if (plugged.length === 0 && unplugged.length === 0) return;
    try {
      onChange({ drives, plugged, unplugged });
    } catch {
      log('guichet: drives-watch-listener-failed');
    }
  };

  const poll = () => {
    inFlight ??= pollOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const timer = setInterval(() => void poll(), intervalMs);
  // The watcher never keeps the process alive on its own (the command line, the tests).
  timer.unref();

  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    poll,
  };
}
