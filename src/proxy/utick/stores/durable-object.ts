/**
 * Attempts in a Cloudflare Durable Object, for the proxy on Workers: every isolate in every
 * location asks the one object for its client (`idFromName(client)`), and an object handles one
 * request at a time with its storage, so the count is exact across the fleet. (Workers KV would
 * not do: its writes take up to a minute to reach other locations, so a guesser spreading tries
 * over locations would get more than the limit.)
 *
 * Deploy: export `UtickAttemptLimiter` from the Worker (worker.ts does) and bind it as
 * `UTICK_ATTEMPTS` (see the README's wrangler.toml).
 */
import { takeFromLists, type AttemptStore, type AttemptTake, type StoredAttempt } from '../attempt-limiter.js';

/** The parts of the Workers runtime types used here (kept local: no dependency on workers-types). */
export interface DurableObjectStorageLike {
  get<T>(keys: string[]): Promise<Map<string, T>>;
  put<T>(entries: Record<string, T>): Promise<void>;
  delete(keys: string[]): Promise<number>;
}
export interface DurableObjectStateLike {
  storage: DurableObjectStorageLike;
}
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

/** The Durable Object class: one per client, holding that client's attempt lists. */
export class UtickAttemptLimiter {
  constructor(private readonly state: DurableObjectStateLike) {}

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body = (await request.json()) as { take?: AttemptTake; keys?: string[]; id?: string };
    if (url.pathname === '/take' && body.take) {
      const take = body.take;
      const keys = take.checks.map((check) => check.key);
      const lists = new Map<string, StoredAttempt[]>(await this.state.storage.get<StoredAttempt[]>(keys));
      const retryAfterMs = takeFromLists(lists, take);
      await this.state.storage.put(Object.fromEntries(keys.map((key) => [key, lists.get(key) ?? []])));
      return Response.json({ retryAfterMs });
    }
    if (url.pathname === '/refund' && body.keys && body.id) {
      const stored = await this.state.storage.get<StoredAttempt[]>(body.keys);
      const kept = Object.fromEntries([...stored].map(([key, list]) => [key, list.filter((attempt) => attempt.id !== body.id)]));
      await this.state.storage.put(kept);
      return Response.json({});
    }
    return new Response('Not found', { status: 404 });
  }
}

/** The store the Worker's app uses: asks the client's object. */
export function durableObjectAttemptStore(namespace: DurableObjectNamespaceLike): AttemptStore {
  const call = async (shard: string, op: 'take' | 'refund', body: unknown) => {
    const answer = await namespace.get(namespace.idFromName(shard)).fetch(`https://attempts.internal/${op}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    if (!answer.ok) throw new Error(`Attempt limiter object answered ${answer.status}`);
    return answer.json() as Promise<{ retryAfterMs?: number }>;
  };
  return {
    async take(take) {
      const { retryAfterMs } = await call(take.shard, 'take', { take });
      if (typeof retryAfterMs !== 'number') throw new Error('Attempt limiter object gave no answer');
      return { retryAfterMs };
    },
    async refund(shard, keys, id) {
      await call(shard, 'refund', { keys, id });
    },
  };
}
