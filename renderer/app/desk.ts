import { createContext, useContext } from 'react';
import type { DeskStatus } from '../../shared/contract/app';
import type { Language, SessionUser } from '../../shared/domain/accounts';

export type LockReason = 'button' | 'shortcut' | 'idle';

export interface DeskContextValue {
  status: DeskStatus;
  /** The language the UI is in right now. */
  language: Language;
  /** Reads `app.status` again (after a login, a change of settings or language). */
  refresh(): Promise<DeskStatus | null>;
  /** Hides everything at once, then locks the desk. */
  lock(reason: LockReason): void;
  /**
   * Registers what must reach main before a lock asked by this window (a draft's
   * last keystrokes); called at once, the lock waits for it. Returns the unregister function.
   */
  beforeLock(flush: () => Promise<unknown> | void): () => void;
}

export const DeskContext = createContext<DeskContextValue | null>(null);

export function useDesk(): DeskContextValue {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskContext');
  return desk;
}

export interface OpenSession {
  user: SessionUser;
  idleLockMinutes: number;
  timeZone: string;
}

/** The open session; only the screens shown behind a login call it. */
export function useSession(): OpenSession {
  const { status } = useDesk();
  if (status.state.kind !== 'open') throw new Error('useSession without an open session');
  const { user, idleLockMinutes, timeZone } = status.state;
  return { user, idleLockMinutes, timeZone };
}
