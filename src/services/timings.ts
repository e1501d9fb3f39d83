// Milliseconds a request spent per part (db: in the store; hash: on keys), for the JSON API's Server-Timing header.

export type Timings = Record<string, number>;

/** Awaits `work`, adding the time it took to `timings[name]` (when there are timings to keep). */
export async function timed<T>(timings: Timings | undefined, name: string, work: () => Promise<T>): Promise<T> {
  if (!timings) return work();
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  }
}
