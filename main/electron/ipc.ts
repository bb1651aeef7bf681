/**
 * The one IPC door: `ipcMain.handle(IPC_CALL_CHANNEL, …)` runs this. It takes Electron's
 * event structurally, so the unit tests drive it with a real desk and fake frames.
 */
import type { ErrorCode, Result } from '../../shared/errors';
import type { Desk } from '../core/desk';
import type { Router } from '../core/router';
import { isTrustedSender } from './security';

/** What the gate reads of an `IpcMainInvokeEvent`. */
export interface CallEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export interface CallGate {
  router: Router;
  /** The open desk, or null when its folder could not be opened. */
  desk(): Desk | null;
  /** Why there is no desk (`data.inUse` when the admin command line holds the folder). */
  deskProblem(): ErrorCode | null;
  /** Whether the call comes from the app's own window (its webContents). */
  isOurWindow(sender: unknown): boolean;
  /** Told of a refused sender; never given the call's input. */
  onRefused?(): void;
}

/**
 * Refuses, with `call.forbidden` and before anything is parsed, a call from another
 * window, from a subframe, from a page that is not the app's, or from a frame already
 * gone; otherwise hands it to the router, which never throws.
 */
export function createCallHandler(gate: CallGate) {
  return async (event: CallEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || !gate.isOurWindow(event.sender) || !isTrustedSender(frame.url, frame.parent === null)) {
      gate.onRefused?.();
      return { ok: false, error: { code: 'call.forbidden' } };
    }
    const desk = gate.desk();
    if (!desk) return { ok: false, error: { code: gate.deskProblem() ?? 'call.internal' } };
    return gate.router.dispatch(desk, name, input);
  };
}
