/**
 * One call at a time for a desk. Calls wait their turn in order; a lock goes ahead of
 * every call still waiting (never ahead of the one in flight), so it waits for the
 * work in progress and then wipes the keys before anything else runs.
 *
 * A call given to an idle queue starts at once, synchronously, so that a lock on an
 * idle desk takes effect before `lock()` returns.
 */
export class CallQueue {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  run<T>(work: () => T | Promise<T>, { first = false } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy = true;
        let outcome: Promise<T>;
        try {
          outcome = Promise.resolve(work());
        } catch (error) {
          outcome = Promise.reject(error);
        }
        // The next call starts before this one's caller resumes: whoever awaited a call finds
        // the queue moving on (a close right after the last call runs at once, not later).
        outcome.then(
          (value) => {
            this.next();
            resolve(value);
          },
          (error: unknown) => {
            this.next();
            reject(error);
          },
        );
      };
      if (!this.busy) start();
      else if (first) this.waiting.unshift(start);
      else this.waiting.push(start);
    });
  }

  /** Whether a call is in flight or waiting. */
  get idle(): boolean {
    return !this.busy && this.waiting.length === 0;
  }

  private next(): void {
    this.busy = false;
    this.waiting.shift()?.();
  }
}
