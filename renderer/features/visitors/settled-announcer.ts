/**
 * How long the status must stay the same before it is spoken: GOV.UK's
 * accessible-autocomplete waits 1400 ms, so that the screen reader's echo of each typed
 * character is not cut short by a count that is about to change again.
 */
export const SETTLE_MS = 1400;

/**
 * Hands a status to `speak` once it has stayed on screen for `settleMs`. Results are
 * painted at every keystroke; a live region that changed as often would queue a count
 * per key. Plain TypeScript without the DOM or React, so that unit tests drive it.
 */
export class SettledAnnouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly speak: (message: string) => void,
    private readonly settleMs = SETTLE_MS,
  ) {}

  /** The status now on screen ('' says nothing). Each call starts the wait again, even for the same words: they answer a new query. */
  show(message: string): void {
    clearTimeout(this.timer);
    this.timer = message ? setTimeout(() => this.speak(message), this.settleMs) : undefined;
  }

  /** The screen is gone: a status still waiting is never spoken. */
  close(): void {
    clearTimeout(this.timer);
  }
}
