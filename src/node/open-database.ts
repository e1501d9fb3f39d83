// Opens a SQLite database file as a Store, turning a missing, foreign or outdated file into a clear message.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { AppError, isAppError } from '../domain/errors.js';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { migrate, pendingMigrations } from '../store/migrate.js';
import { createStore, type Store } from '../store/store.js';
import { loadMigrations } from './data-files.js';
import { corruptError, folderNotWritable, hasPendingWal, isCorruptionError, permissionError, permissionProblem, quickCheck, storageError } from './database-health.js';
import { waitForWriteLock } from './write-lock.js';

const SQLITE_HEADER = 'SQLite format 3\0';

function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Apply pending migrations instead of refusing a database whose schema is behind the code. */
  migrate?: boolean;
  /** Told which migrations were applied (with `migrate`). */
  onMigrated?: (names: string[]) => void;
  /** Open a database that fails its integrity check instead of refusing it (`db info` reports it); told the findings. */
  allowCorrupt?: boolean;
  onIntegrity?: (findings: string[]) => void;
}

/** What the integrity check found when a store was opened here (stores made elsewhere were not checked). */
const checkedAtOpen = new WeakMap<Store, { findings: string[]; checked_at: string }>();

/** The integrity of a store as found when it was opened (quick_check); unknown for a store not opened by openDatabase. */
export function integrityAtOpen(store: Store): { integrity: 'ok' | 'corrupt' | 'unknown'; integrity_findings: string[]; integrity_checked_at: string | null } {
  const c = checkedAtOpen.get(store);
  if (!c) return { integrity: 'unknown', integrity_findings: [], integrity_checked_at: null };
  return { integrity: c.findings.length ? 'corrupt' : 'ok', integrity_findings: c.findings, integrity_checked_at: c.checked_at };
}

/** Opens the file, read-only when asked; on a folder that cannot take SQLite's `-shm` file, as an in-memory snapshot. */
function openDriver(path: string, readonly: boolean) {
  if (readonly && folderNotWritable(path) && !hasPendingWal(path)) {
    const bytes = readFileSync(path);
    // WAL mode (header bytes 18-19 = 2) needs a shared-memory file beside the database; the copy reads as a plain one.
    if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
    return createBetterSqliteDriver(bytes, { readonly: true });
  }
  return createBetterSqliteDriver(path, { readonly, fileMustExist: true });
}

/**
 * Opens an existing database: checks its integrity once (quick_check), refuses one whose schema is behind the code
 * unless asked to migrate it, and says what is wrong in one line (missing, a permission problem, corrupt, outdated).
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Store> {
  if (!existsSync(path)) throw new AppError('unavailable', `database not found: ${path}\n  build it with: sbb db build --db ${path}`);
  if (statSync(path).isDirectory()) throw new AppError('invalid', `${path} is a directory, not a database file`);
  const readonly = options.readonly ?? false;
  const denied = permissionProblem(path, !readonly);
  if (denied && (!readonly || denied.path === path)) throw permissionError(path, denied, !readonly);
  if (statSync(path).size > 0 && !looksLikeSqlite(path))
    throw new AppError('invalid', `${path} is not a SQLite database (the file header is wrong; is it corrupt?)\n  rebuild it with: sbb db build --fresh --db ${path}`);
  let store: Store | undefined;
  try {
    store = createStore(openDriver(path, readonly));
    const findings = await quickCheck(store.driver);
    checkedAtOpen.set(store, { findings, checked_at: new Date().toISOString() });
    options.onIntegrity?.(findings);
    if (findings.length && !options.allowCorrupt) throw corruptError(path, findings);
    if (findings.length) return store;
    const pending = await pendingMigrations(store.driver, loadMigrations());
    if (pending.length && options.migrate && !readonly) options.onMigrated?.(await migrate(store.driver, loadMigrations()));
    else if (pending.length) throw new AppError('conflict', `${path} is missing migrations ${pending.join(', ')}\n  update it with: sbb db migrate --db ${path}`);
    return store;
  } catch (e) {
    await store?.driver.close().catch(() => undefined);
    if (isAppError(e)) throw e;
    if (isCorruptionError(e)) throw corruptError(path, [(e as Error).message], e);
    const blocked = permissionProblem(path, !readonly);
    if (blocked) throw permissionError(path, blocked, !readonly, e);
    throw new AppError('unavailable', `${path}: cannot open the database: ${(e as Error).message}\n  rebuild it with: sbb db build --fresh --db ${path}`, { cause: e });
  }
}

/** Opens the database, runs `fn` on it and closes it, whatever happens. A writer holds the write lock throughout (waiting a few seconds for another). */
export async function withDatabase<T>(path: string, options: OpenOptions, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const release = options.readonly || !existsSync(path) ? () => undefined : await waitForWriteLock(path);
  try {
    const store = await openDatabase(path, options);
    try {
      return await fn(store);
    } catch (e) {
      throw storageError(path, e) ?? e;
    } finally {
      await store.driver.close();
    }
  } finally {
    release();
  }
}
