/**
 * Throttles stream access-code checks so codes cannot be guessed: a sliding window of attempts
 * per key. An attempt is counted BEFORE the upstream answers (a burst of parallel guesses is
 * throttled too) and handed back when the code turned out to be right or Utick gave no verdict,
 * so only wrong codes use up a patron's allowance.
 *
 * In memory, per process (per isolate on an edge runtime): enough against one client hammering
 * one proxy; a fleet of proxies needs a shared store (see the README's Utick proxy section).
 */

export interface AttemptLimit {
  /** Wrong codes allowed per client and stream within `windowMs`. Default 5. */
  perStream: number;
  /** Wrong codes allowed per client over all streams within `windowMs`. Default 20. */
  perClient: number;
  /** Default 15 minutes. */
  windowMs: number;
}

export const DEFAULT_ATTEMPT_LIMIT: AttemptLimit = { perStream: 5, perClient: 20, windowMs: 15 * 60_000 };

/** A counted attempt: give it back with `refund` when the code was right. */
export interface Attempt {
  keys: string[];
  at: number;
}

/** Keys without attempts are swept once the map holds this many. */
const SWEEP_AT = 10_000;

export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly limit: AttemptLimit) {}

  /**
   * Counts an attempt by `client` on `stream`, or says how long to wait (ms) when the client has
   * used up its allowance for this stream or overall.
   */
  take(client: string, stream: string, now: number): { attempt: Attempt } | { retryAfterMs: number } {
    const checks: [string, number][] = [
      [`${client}\n${stream}`, this.limit.perStream],
      [client, this.limit.perClient],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const recent = this.recent(key, now);
      if (recent.length >= max) wait = Math.max(wait, recent[recent.length - max]! + this.limit.windowMs - now);
    }
    if (wait > 0) return { retryAfterMs: wait };
    for (const [key] of checks) this.recent(key, now).push(now);
    if (this.attempts.size > SWEEP_AT) this.sweep(now);
    return { attempt: { keys: checks.map(([key]) => key), at: now } };
  }

  /** The code was right, or Utick gave no verdict: this attempt does not count against the client. */
  refund(attempt: Attempt): void {
    for (const key of attempt.keys) {
      const list = this.attempts.get(key);
      const index = list?.indexOf(attempt.at) ?? -1;
      if (index >= 0) list!.splice(index, 1);
    }
  }

  /** The attempts of a key within the window, oldest first (the stored list itself). */
  private recent(key: string, now: number): number[] {
    let list = this.attempts.get(key);
    if (!list) {
      list = [];
      this.attempts.set(key, list);
    }
    const cutoff = now - this.limit.windowMs;
    while (list.length > 0 && list[0]! <= cutoff) list.shift();
    return list;
  }

  private sweep(now: number): void {
    for (const key of [...this.attempts.keys()]) if (this.recent(key, now).length === 0) this.attempts.delete(key);
  }
}
