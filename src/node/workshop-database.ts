// Node keeps workshop data in a SQLite file of its own beside the database (`data/sbb.workshops.sqlite`, or
// $SBB_WORKSHOP_DB): users' data that `sbb db build --fresh` never replaces, writable while the main file is served
// read-only, migrated with the workshop migrations only (the same 0009 and 0011 that D1 gets in the shared set).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { migrate } from '../store/migrate.js';
import { createWorkshopStore, type LimitCheck, type WorkshopStore } from '../store/workshop-store.js';
import { loadMigrations } from './data-files.js';

/** The workshop migrations: those of the shared set that make workshop tables. */
export const workshopMigrations = () => loadMigrations().filter((m) => /_workshop/.test(m.name));

/** Where a database's workshops live by default: `X.workshops.sqlite` beside `X.sqlite`. */
export function defaultWorkshopPath(databasePath: string): string {
  return join(dirname(databasePath), `${basename(databasePath).replace(/\.(sqlite3?|db)$/i, '')}.workshops.sqlite`);
}

/** Node's SHA-256 in hex: the same as WebCrypto's, without a trip to the thread pool for each key. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Opens (creating when missing) the workshop file read-write, in WAL mode, and applies the workshop migrations.
 * ':memory:' keeps them in memory. Submissions arriving together share one transaction (flushed on setImmediate).
 */
export async function openWorkshopDatabase(path: string, options: { limits?: LimitCheck } = {}): Promise<WorkshopStore> {
  if (path !== ':memory:' && !existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true });
  const driver = createBetterSqliteDriver(path, { fileMustExist: false });
  try {
    await migrate(driver, workshopMigrations());
  } catch (e) {
    await driver.close();
    throw e;
  }
  return createWorkshopStore(driver, { ...options, sha256, local: { schedule: (flush) => void setImmediate(flush), nextTurn: (fn) => void setImmediate(fn) } });
}
