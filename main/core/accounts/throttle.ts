import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-write';

/**
 * Failed logins, kept beside the vault (the database is closed while nobody is
 * logged in) so that the growing delay survives a restart. Filed under the login's
 * HMAC, never the login. The first few mistakes cost nothing; then each failure
 * doubles the wait, up to a ceiling, so a forgetful last administrator is slowed
 * down but never locked out for good.
 *
 * The attempts are also kept as pending audit entries, written into the audit log
 * at the next successful unlock.
 */
export const FREE_ATTEMPTS = 4;
export const MAX_DELAY_SECONDS = 300;
const MAX_PENDING = 1000;

const stateSchema = z.object({
  version: z.literal(1),
  byLookup: z.record(z.string(), z.object({ failures: z.number().int().min(0), last: z.string() })),
  pending: z.array(
    z.object({
      at: z.string(),
      lookup: z.string(),
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

  private read(): ThrottleState {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // missing or unreadable: start afresh (it holds no data, only counters)
    }
    return { version: 1, byLookup: {}, pending: [] };
  }

  private write(state: ThrottleState): void {
    state.pending = state.pending.slice(-MAX_PENDING);
    writeFileAtomic(this.path, JSON.stringify(state));
  }

  /** Seconds to wait before this login may be tried again; 0 when it may be tried now. */
  retryAfter(lookup: string, now: Date): number {
    const entry = this.read().byLookup[lookup];
    if (!entry) return 0;
    const waitUntil = Date.parse(entry.last) + delaySecondsAfter(entry.failures) * 1000;
    return Math.max(0, Math.ceil((waitUntil - now.getTime()) / 1000));
  }

  failures(lookup: string): number {
    return this.read().byLookup[lookup]?.failures ?? 0;
  }

  recordFailure(lookup: string, now: Date, detail: string): void {
    const state = this.read();
    const failures = (state.byLookup[lookup]?.failures ?? 0) + 1;
    state.byLookup[lookup] = { failures, last: now.toISOString() };
    state.pending.push({ at: now.toISOString(), lookup, outcome: 'failure', detail });
    this.write(state);
  }

  recordRefusal(lookup: string, now: Date, detail: string): void {
    const state = this.read();
    state.pending.push({ at: now.toISOString(), lookup, outcome: 'refused', detail });
    this.write(state);
  }

  recordSuccess(lookup: string): void {
    const state = this.read();
    if (!state.byLookup[lookup]) return;
    delete state.byLookup[lookup];
    this.write(state);
  }

  /** Hands over the attempts to write into the audit log, and forgets them. */
  takePending(): PendingAttempt[] {
    const state = this.read();
    if (state.pending.length === 0) return [];
    const pending = state.pending;
    state.pending = [];
    this.write(state);
    return pending;
  }
}
