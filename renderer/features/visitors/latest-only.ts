/**
 * Calls where only the latest wish matters, as when typing in a search box: at most one
 * call in flight and one waiting. A new wish replaces the waiting one (the keystrokes
 * in between are never sent: the desk's router serves one call at a time, and each would
 * delay the next). An answer is handed over only if its key is still the one wanted, so an
 * older answer arriving late never replaces a newer one.
 *
 * Plain TypeScript without the DOM or React, so that unit tests drive it directly.
 */
export class LatestOnly<T> {
  private inFlight: string | null = null;
  private waiting: { key: string; run: () => Promise<T> } | null = null;
  private wanted: string | null = null;
  private closed = false;

  constructor(private readonly deliver: (key: string, value: T) => void) {}

  /** The latest wish: `run` is called now if nothing is in flight, else once the call in flight ends. */
  want(key: string, run: () => Promise<T>): void {
    if (this.closed) return;
    this.wanted = key;
    if (this.inFlight === null) this.start(key, run);
    // The call in flight already asks for it (typed back to the same text): nothing more to send.
    else this.waiting = key === this.inFlight ? null : { key, run };
  }

  /** Nothing wanted any more: the call in flight finishes unheard, the waiting one is not sent. */
  forget(): void {
    this.wanted = null;
    this.waiting = null;
  }

  /** Whether `key` is the latest wish. */
  isWanted(key: string): boolean {
    return this.wanted === key;
  }

  /** For good (the screen is gone). */
  close(): void {
    this.forget();
    this.closed = true;
  }

  private start(key: string, run: () => Promise<T>): void {
    this.inFlight = key;
    const settle = (value: T | undefined, ok: boolean) => {
      this.inFlight = null;
      if (ok && !this.closed && this.wanted === key) this.deliver(key, value as T);
      const next = this.waiting;
      this.waiting = null;
      if (next && !this.closed) this.start(next.key, next.run);
    };
    run().then(
      (value) => settle(value, true),
      () => settle(undefined, false),
    );
  }
}
