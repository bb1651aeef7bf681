import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupJobView } from '../../../shared/domain/backups';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { useApi } from '../../app/api';

/** How often a running job is asked for its stage and bytes. */
export const JOB_POLL_MS = 400;

/**
 * The desk's one backup job as this screen follows it: main runs it outside the call
 * queue, so the screen asks for it again while it runs, and the desk stays usable meanwhile.
 * `adoptRunning` picks up a job already running when the screen opens (she came back to it);
 * `onEnded` hears of the job's end (done, failed or cancelled) once.
 */
export function useBackupJob({ adoptRunning = false, onEnded }: { adoptRunning?: boolean; onEnded?(job: BackupJobView): void } = {}) {
  const api = useApi();
  const [job, setJob] = useState<BackupJobView | null>(null);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);

  useEffect(() => {
    if (!adoptRunning) return;
    let live = true;
    void api.backups.job({}).then((result) => {
      if (live && result.ok && result.value?.state === 'running') setJob(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, adoptRunning]);

  useEffect(() => {
    if (job?.state !== 'running') return;
    let live = true;
    const timer = setTimeout(() => {
      void api.backups.job({}).then((result) => {
        if (!live || !result.ok || result.value?.id !== job.id) return;
        setJob(result.value);
        if (result.value.state !== 'running') ended.current?.(result.value);
      });
    }, JOB_POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, job]);

  /** Follows the job a call started; its refusal is returned (nothing started). */
  const track = useCallback(async (started: Promise<Result<BackupJobView>>): Promise<ErrorInfo | null> => {
    const result = await started;
    if (!result.ok) return result.error;
    setJob(result.value);
    return null;
  }, []);

  const cancel = useCallback(async () => {
    const result = await api.backups.cancel({});
    if (result.ok && result.value) setJob(result.value);
  }, [api]);

  const forget = useCallback(() => setJob(null), []);

  /** Follows a job a form's call started (the form itself shows a refusal). */
  const follow = useCallback((view: BackupJobView) => setJob(view), []);

  return { job, track, follow, cancel, forget };
}
