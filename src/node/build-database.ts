// Builds or refreshes the SQLite database file from data/, under the database's write lock: a fresh build is written
// beside the target and copied into it in one transaction (SQLite's backup, so a server reading it sees the new build
// and no WAL is deleted); an in-place refresh is one transaction, marked 'building' first so a killed one shows.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { populateDatabase } from '../services/build-database.js';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { createStore, type StoreCounts } from '../store/store.js';
import { nodeFiles, type NodeFilesOptions } from './node-files.js';
import { storageError } from './database-health.js';
import { openDatabase } from './open-database.js';
import { processAlive, waitForWriteLock } from './write-lock.js';

export interface BuildResult {
  path: string;
  created: boolean;
  counts: StoreCounts;
  migrations_applied: string[];
  seconds: number;
  /** Files left by builds whose process is gone (kill -9), removed before this one. */
  removed_leftovers: string[];
}

/** Removes `X.building-PID` files (and their -wal, -shm, -journal) of builds whose process is gone. */
export function removeBuildLeftovers(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.building-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)(-wal|-shm|-journal)?$/.exec(name.slice(prefix.length));
    if (!m || (Number(m[1]) !== process.pid && processAlive(Number(m[1])))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Copies a finished build into the live file in one write transaction. False only when the live file is no sound
 * SQLite database (foreign or corrupt), which is then replaced; any other failure (busy, disk full) is thrown.
 */
async function copyInto(built: string, live: string): Promise<boolean> {
  const source = new Database(built, { readonly: true });
  try {
    // All pages in one step: the destination's write transaction covers the whole copy.
    await source.backup(live, { progress: () => 0x7fffffff });
    return true;
  } catch (e) {
    if (/SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: string }).code))) return false;
    throw e;
  } finally {
    source.close();
  }
}

/**
 * Without `fresh`, an existing database is migrated and its reference data and curated facts refreshed in place
 * (scraped data is kept). A new or fresh database is built beside the target and only a complete build reaches it.
 */
export async function buildDatabase(path: string, options: NodeFilesOptions & { fresh?: boolean } = {}): Promise<BuildResult> {
  const started = performance.now();
  const release = await waitForWriteLock(path, `sbb db build${options.fresh ? ' --fresh' : ''}`);
  try {
    const removed_leftovers = removeBuildLeftovers(path);
    const create = options.fresh || !existsSync(path);
    const result = await (create ? buildFresh(path, options) : refreshInPlace(path, options)).catch((e: unknown) => Promise.reject(storageError(path, e) ?? e));
    return { path, created: create, ...result, seconds: (performance.now() - started) / 1000, removed_leftovers };
  } finally {
    release();
  }
}

async function buildFresh(path: string, options: NodeFilesOptions) {
  const target = `${path}.building-${process.pid}`;
  const clean = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
  };
  clean();
  const store = createStore(createBetterSqliteDriver(target));
  try {
    const populated = await populateDatabase(store, nodeFiles(options));
    await store.driver.close();
    // A live file (a server may have it open) takes the build through SQLite; only a file SQLite cannot write to
    // (foreign, corrupt) is replaced, and then its -wal and -shm are its own and go with it.
    if (!existsSync(path) || !(await copyInto(target, path))) {
      for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
      renameSync(target, path);
    }
    clean();
    return populated;
  } catch (e) {
    await store.driver.close().catch(() => undefined);
    clean();
    throw e;
  }
}

async function refreshInPlace(path: string, options: NodeFilesOptions) {
  const store = await openDatabase(path, { migrate: true });
  try {
    // Committed on its own first: if this process is killed, the database says a build did not finish.
    await store.setMeta({ build_state: 'building', build_started_at: new Date().toISOString(), build_pid: String(process.pid) });
    await store.driver.run('BEGIN IMMEDIATE');
    try {
      const populated = await populateDatabase(store, nodeFiles(options));
      await store.driver.run('COMMIT');
      return populated;
    } catch (e) {
      await store.driver.run('ROLLBACK').catch(() => undefined);
      await store.setMeta({ build_state: 'complete' }).catch(() => undefined);
      throw e;
    }
  } finally {
    await store.driver.close();
  }
}
