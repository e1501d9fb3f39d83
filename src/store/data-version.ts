// The stored data's version, checked at most once a second per database: responses, scoring models and the council
// lookup are cached against it, so a change (an import, a scrape, a rebuild) shows within a second without a query
// per request.
import type { SqlDriver } from './sql-driver.js';
import { readScoringVersion } from './scoring-reads.js';

const TTL_MS = 1000;
const seen = new WeakMap<object, { at: number; version: Promise<string> }>();

function cachedVersion(key: object, read: () => Promise<string>, now: number): Promise<string> {
  const hit = seen.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.version;
  const version = read();
  seen.set(key, { at: now, version });
  version.catch(() => seen.delete(key));
  return version;
}

/** The version of the data behind a driver, read again at most once a second (shared with `dataVersion` of its store). */
export function driverDataVersion(db: SqlDriver, now = Date.now()): Promise<string> {
  return cachedVersion(db, () => readScoringVersion(db), now);
}

export function dataVersion(store: { driver: SqlDriver; scoringVersion(): Promise<string> }, now = Date.now()): Promise<string> {
  return cachedVersion(store.driver, () => store.scoringVersion(), now);
}

/** Forgets the version (after a write through the API), so the next request sees the change at once. */
export function forgetDataVersion(store: { driver: SqlDriver }): void {
  seen.delete(store.driver);
}
