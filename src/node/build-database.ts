// Builds or refreshes the SQLite database file from data/: a new build is written beside the target and renamed
// over it only when complete. What goes in is the build-database service's job.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { populateDatabase } from '../services/build-database.js';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { createStore, type StoreCounts } from '../store/store.js';
import { nodeFiles, type NodeFilesOptions } from './node-files.js';
import { openDatabase } from './open-database.js';

export interface BuildResult {
  path: string;
  created: boolean;
  counts: StoreCounts;
  migrations_applied: string[];
  seconds: number;
}

/**
 * Without `fresh`, an existing database is migrated and its reference data and curated facts refreshed in place
 * (scraped data is kept). A new or fresh database is built beside the target and renamed over it only when
 * complete, so a failed build never leaves a half-built file behind.
 */
export async function buildDatabase(path: string, options: NodeFilesOptions & { fresh?: boolean } = {}): Promise<BuildResult> {
  const started = performance.now();
  const create = options.fresh || !existsSync(path);
  const target = create ? `${path}.building-${process.pid}` : path;
  if (create) rmSync(target, { force: true });
  const store = create ? createStore(createBetterSqliteDriver(target)) : await openDatabase(path, { migrate: true });
  try {
    const { counts, migrations_applied } = await populateDatabase(store, nodeFiles(options));
    await store.driver.close();
    if (create) {
      for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
      renameSync(target, path);
    }
    return { path, created: create, counts, migrations_applied, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    await store.driver.close().catch(() => undefined);
    if (create) for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    throw e;
  }
}
