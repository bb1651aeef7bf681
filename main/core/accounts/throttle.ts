import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-write';

/**
 * Failed logins, kept beside the vault (the database is closed while nobody is
 * logged in) so that the growing delay survives a restart. Filed under the login's
 * 6-bit tag, never the login: a password typed into the login field by mistake leaves
 * six bits behind, and entries expire a day after their last failure.
 *
 * The first few mistakes cost nothing; then each failure doubles the wait, up to a
 * ceiling, so a forgetful last administrator is slowed down but never locked out for
 * good. The wait never exceeds the delay the number of failures gives, whatever the
 * clock did: a failure recorded while the clock was ahead counts from now.
 *
 * An attempt counts as a failure from the moment it starts (before the slow derivation),
 * so that attempts made at once, or a process killed mid-derivation, are all counted.
 * The attempts are also kept as pending audit entries, written into the audit log at the
 * next successful unlock.
 */
export const FREE_ATTEMPTS = 4;
export const MAX_DELAY_SECONDS = 300;
export const ENTRY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_PENDING = 1000;

/** `recovery` for the recovery key, else the login's tag. */
export type ThrottleKey = number | 'recovery';

const stateSchema = z.object({
  version: z.literal(2),
  byKey: z.record(z.string(), z.object({ failures: z.number().int().min(0), last: z.iso.datetime() })),
  pending: z.array(
    z.object({
      id: z.string(),
      at: z.iso.datetime(),
      key: z.string(),
      outcome: z.enum(['failure', 'refused']),
      detail: z.string(),
    }),
  ),
});
type ThrottleState = z.infer<typeof stateSchema>;
export type PendingAttempt = ThrottleState['pending'][number];

export function delaySecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS));
}

export class LoginThrottle {
  constructor(private readonly path: string) {}

  private read(now: Date): ThrottleState {
    let state: ThrottleState = { version: 2, byKey: {}, pending: [] };
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) state = parsed.data;
    } catch {
      // missing or unreadable: start afresh (it holds no data, only counters)
    }
    for (const [key, entry] of Object.entries(state.byKey)) {
      const age = now.getTime() - Date.parse(entry.last);
      if (age > ENTRY_LIFETIME_MS) delete state.byKey[key];
    }
    return state;
  }

  private write(state: ThrottleState): void {
    state.pending = state.pending.slice(-MAX_PENDING);
    // Atomic without flushing: a killed process still leaves its attempts counted (the kernel
    // has the file), and a login does not wait for the disk twice over.
    writeFileAtomic(this.path, JSON.stringify(state), { durable: false });
  }

  /**
   * Seconds to wait before this login may be tried again; 0 when it may be tried now.
   * A last failure "in the future" (the clock was ahead, then put right) is moved to now
   * and kept there, so the wait is the delay itself and then runs out.
   */
  retryAfter(key: ThrottleKey, now: Date): number {
    const state = this.read(now);
    const entry = state.byKey[String(key)];
    if (!entry) return 0;
    const delayMs = delaySecondsAfter(entry.failures) * 1000;
    if (delayMs === 0) return 0;
    if (Date.parse(entry.last) > now.getTime()) {
      entry.last = now.toISOString();
      this.write(state);
    }
    const waitUntil = Date.parse(entry.last) + delayMs;
    return Math.max(0, Math.ceil((waitUntil - now.getTime()) / 1000));
  }

  failures(key: ThrottleKey, now: Date): number {
    return this.read(now).byKey[String(key)]?.failures ?? 0;
  }

  /** Counts an attempt as failed before it is checked; `succeeded` takes it back. Returns its id. */
  recordAttempt(key: ThrottleKey, now: Date, detail: string): string {
    const state = this.read(now);
    const entry = state.byKey[String(key)];
    state.byKey[String(key)] = { failures: (entry?.failures ?? 0) + 1, last: now.toISOString() };
    const id = randomUUID();
    state.pending.push({ id, at: now.toISOString(), key: String(key), outcome: 'failure', detail });
    this.write(state);
    return id;
  }

  /** The attempt was a failure after all, of another kind than the one first recorded. */
  relabel(attemptId: string, now: Date, detail: string): void {
    const state = this.read(now);
    const pending = state.pending.find((p) => p.id === attemptId);
    if (!pending || pending.detail === detail) return;
    pending.detail = detail;
    this.write(state);
  }

  recordRefusal(key: ThrottleKey, now: Date, detail: string): void {
    const state = this.read(now);
    state.pending.push({ id: randomUUID(), at: now.toISOString(), key: String(key), outcome: 'refused', detail });
    this.write(state);
  }

  /**
   * The attempt succeeded: it is no failure. `sole` (no colleague shares the tag) clears
   * the counter; otherwise only this attempt's own count is taken back.
   */
  succeeded(key: ThrottleKey, attemptId: string | null, now: Date, { sole }: { sole: boolean }): void {
    const state = this.read(now);
    const entry = state.byKey[String(key)];
    if (sole || !entry || entry.failures <= 1) delete state.byKey[String(key)];
    else if (attemptId) entry.failures -= 1;
    state.pending = state.pending.filter((p) => p.id !== attemptId);
    this.write(state);
  }

  /** The attempts waiting to enter the audit log (forgotten only once they are in it: see `forget`). */
  pending(now: Date): PendingAttempt[] {
    return this.read(now).pending;
  }

  forget(attempts: readonly PendingAttempt[], now: Date): void {
    if (attempts.length === 0) return;
    const ids = new Set(attempts.map((a) => a.id));
    const state = this.read(now);
    state.pending = state.pending.filter((p) => !ids.has(p.id));
    this.write(state);
  }
}
