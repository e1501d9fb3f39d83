// The stored data's version, checked at most once a second per store: responses and scoring models are cached
// against it, so a change (an import, a scrape, a rebuild) shows within a second without a query per request.
import type { Store } from './store.js';

const TTL_MS = 1000;
const seen = new WeakMap<object, { at: number; version: Promise<string> }>();

export function dataVersion(store: Store, now = Date.now()): Promise<string> {
  const hit = seen.get(store.driver);
  if (hit && now - hit.at < TTL_MS) return hit.version;
  const version = store.scoringVersion();
  seen.set(store.driver, { at: now, version });
  version.catch(() => seen.delete(store.driver));
  return version;
}

/** Forgets the version (after a write through the API), so the next request sees the change at once. */
export function forgetDataVersion(store: Store): void {
  seen.delete(store.driver);
}
