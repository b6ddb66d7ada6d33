/**
 * Throttles stream access-code checks so codes cannot be guessed: a sliding window of attempts
 * per key. An attempt is counted BEFORE the upstream answers (a burst of parallel guesses is
 * throttled too) and handed back when the code turned out to be right or Utick gave no verdict,
 * so only wrong codes use up a patron's allowance.
 *
 * Where the attempts are kept is an `AttemptStore`: in memory (one process, the default), Redis
 * (a fleet of Node instances: `stores/redis.ts`) or a Durable Object (Workers:
 * `stores/durable-object.ts`). A store that fails makes `take` throw: the app then refuses the
 * check (503) rather than letting guesses through unlimited.
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

/** One allowance to check: a key and how many attempts it may hold within the window. */
export interface AttemptCheck {
  key: string;
  max: number;
}

export interface AttemptTake {
  /** All checks of one take share a shard (the client), so one store node can decide them atomically. */
  shard: string;
  checks: readonly AttemptCheck[];
  /** Unique per attempt, to hand this one back. */
  id: string;
  /** Epoch ms, from the app's clock. */
  now: number;
  windowMs: number;
}

/**
 * Where attempts are kept. `take` must be atomic across every instance sharing the store: drop
 * attempts older than the window, and either record the attempt under every key (`{ retryAfterMs: 0 }`)
 * or record nothing and say how long until the fullest key has room.
 */
export interface AttemptStore {
  take(take: AttemptTake): Promise<{ retryAfterMs: number }>;
  refund(shard: string, keys: readonly string[], id: string): Promise<void>;
}

/** A counted attempt: give it back with `refund` when the code was right. */
export interface Attempt {
  shard: string;
  keys: string[];
  id: string;
}

/** An attempt as a store keeps it. */
export interface StoredAttempt {
  at: number;
  id: string;
}

/**
 * The take decision on plain lists (memory and Durable Object stores): `lists.get(key)` is the
 * key's attempts, oldest first; changed lists are written back through `lists.set`.
 */
export function takeFromLists(lists: Map<string, StoredAttempt[]>, take: AttemptTake): number {
  const cutoff = take.now - take.windowMs;
  let wait = 0;
  for (const { key, max } of take.checks) {
    const recent = (lists.get(key) ?? []).filter((attempt) => attempt.at > cutoff);
    lists.set(key, recent);
    if (recent.length >= max) wait = Math.max(wait, recent[recent.length - max]!.at + take.windowMs - take.now);
  }
  if (wait > 0) return wait;
  for (const { key } of take.checks) lists.get(key)!.push({ at: take.now, id: take.id });
  return 0;
}

/** Keys without attempts are swept once the map holds this many. */
const SWEEP_AT = 10_000;

/** One process's memory (one isolate on an edge runtime): enough for a single instance. */
export class MemoryAttemptStore implements AttemptStore {
  private readonly lists = new Map<string, StoredAttempt[]>();

  async take(take: AttemptTake): Promise<{ retryAfterMs: number }> {
    const retryAfterMs = takeFromLists(this.lists, take);
    if (this.lists.size > SWEEP_AT) this.sweep(take.now - take.windowMs);
    return { retryAfterMs };
  }

  async refund(_shard: string, keys: readonly string[], id: string): Promise<void> {
    for (const key of keys) {
      const list = this.lists.get(key);
      const index = list?.findIndex((attempt) => attempt.id === id) ?? -1;
      if (index >= 0) list!.splice(index, 1);
    }
  }

  private sweep(cutoff: number): void {
    for (const [key, list] of this.lists) if (!list.some((attempt) => attempt.at > cutoff)) this.lists.delete(key);
  }
}

let sequence = 0;

export class AttemptLimiter {
  constructor(
    private readonly limit: AttemptLimit,
    private readonly store: AttemptStore = new MemoryAttemptStore(),
  ) {}

  /**
   * Counts an attempt by `client` on `stream`, or says how long to wait (ms) when the client has
   * used up its allowance for this stream or overall. Throws when the store cannot be reached.
   */
  async take(client: string, stream: string, now: number): Promise<{ attempt: Attempt } | { retryAfterMs: number }> {
    const checks = [
      { key: `${client}\n${stream}`, max: this.limit.perStream },
      { key: client, max: this.limit.perClient },
    ];
    const id = `${now.toString(36)}.${(sequence++).toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
    const { retryAfterMs } = await this.store.take({ shard: client, checks, id, now, windowMs: this.limit.windowMs });
    if (retryAfterMs > 0) return { retryAfterMs };
    return { attempt: { shard: client, keys: checks.map((check) => check.key), id } };
  }

  /** The code was right, or Utick gave no verdict: this attempt does not count against the client. */
  refund(attempt: Attempt): Promise<void> {
    return this.store.refund(attempt.shard, attempt.keys, attempt.id);
  }
}
