// Bounds the server's pack builds: at most `concurrency` at once, `queue` waiting (then 503 with Retry-After),
// identical requests share one build, and built packs are kept by data version, day and options in an LRU bounded
// in bytes, so a burst of PDF requests costs one browser page at a time instead of memory per request.
import { AppError } from '../domain/errors.js';
import type { PackBuilder, PackFormat, PackQuery } from '../http/runtime.js';
import { dataVersion } from '../store/data-version.js';
import type { Store } from '../store/store.js';

export interface PackLimits {
  /** Builds at once (each PDF holds a browser page); default 2. */
  concurrency?: number;
  /** Builds waiting for a turn (a waiting request holds only its socket) before further ones are answered 503; default 16. */
  queue?: number;
  /** Bytes of built packs kept; default 64 MiB. */
  cacheBytes?: number;
  /** Seconds a refused request is told to wait (Retry-After); default 10. */
  retryAfterSeconds?: number;
}

type Built = Awaited<ReturnType<PackBuilder['build']>>;

export interface PackQueueStats {
  running: number;
  waiting: number;
  cached: number;
  cachedBytes: number;
  hits: number;
  builds: number;
  refused: number;
}

export function boundedPackBuilder(inner: PackBuilder, limits: PackLimits = {}): PackBuilder & { stats(): PackQueueStats } {
  const concurrency = Math.max(1, limits.concurrency ?? 2);
  const maxWaiting = Math.max(0, limits.queue ?? 16);
  const cacheBytes = limits.cacheBytes ?? 64 * 1024 * 1024;
  const retryAfter = limits.retryAfterSeconds ?? 10;
  const cache = new Map<string, Built>();
  const inFlight = new Map<string, Promise<Built>>();
  const waiting: Array<() => void> = [];
  let running = 0;
  let bytes = 0;
  const counts = { hits: 0, builds: 0, refused: 0 };

  const remember = (key: string, built: Built) => {
    if (built.body.byteLength > cacheBytes) return;
    cache.set(key, built);
    bytes += built.body.byteLength;
    // Oldest first out: a Map iterates in insertion order, and a hit re-inserts its entry.
    for (const [k, v] of cache) {
      if (bytes <= cacheBytes) break;
      cache.delete(k);
      bytes -= v.body.byteLength;
    }
  };
  const turn = (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= maxWaiting) {
      counts.refused++;
      return Promise.reject(
        new AppError('unavailable', `the server is building as many packs as it can (${running} now, ${waiting.length} waiting): try again in ${retryAfter} s`, {
          code: 'busy',
          retryAfterSeconds: retryAfter,
        }),
      );
    }
    return new Promise((resolve) => waiting.push(() => (running++, resolve())));
  };
  const done = () => {
    running--;
    waiting.shift()?.();
  };

  return {
    async build(store: Store, code: string, format: PackFormat, query: PackQuery) {
      const options = Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b));
      const key = JSON.stringify([await dataVersion(store), new Date().toISOString().slice(0, 10), code, format, options]);
      const hit = cache.get(key);
      if (hit) {
        counts.hits++;
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const shared = inFlight.get(key);
      if (shared) return shared;
      const work = (async () => {
        await turn();
        try {
          counts.builds++;
          const built = await inner.build(store, code, format, query);
          remember(key, built);
          return built;
        } finally {
          done();
        }
      })();
      inFlight.set(key, work);
      try {
        return await work;
      } finally {
        inFlight.delete(key);
      }
    },
    stats: () => ({ running, waiting: waiting.length, cached: cache.size, cachedBytes: bytes, ...counts }),
  };
}
