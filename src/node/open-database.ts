// Opens a SQLite database file as a Store, turning a missing, foreign or outdated file into a clear message.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError, isAppError } from '../domain/errors.js';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { migrate, pendingMigrations } from '../store/migrate.js';
import { createStore, type Store } from '../store/store.js';
import { loadMigrations } from './data-files.js';

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
}

/** Opens an existing database; refuses one whose schema is behind the code unless asked to migrate it. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Store> {
  if (!existsSync(path)) throw new AppError('unavailable', `database not found: ${path}\n  build it with: sbb db build --db ${path}`);
  if (statSync(path).isDirectory()) throw new AppError('invalid', `${path} is a directory, not a database file`);
  if (statSync(path).size > 0 && !looksLikeSqlite(path))
    throw new AppError('invalid', `${path} is not a SQLite database (the file header is wrong; is it corrupt?)\n  rebuild it with: sbb db build --fresh --db ${path}`);
  let store: Store;
  try {
    store = createStore(createBetterSqliteDriver(path, { readonly: options.readonly ?? false, fileMustExist: true }));
    const pending = await pendingMigrations(store.driver, loadMigrations());
    if (pending.length && options.migrate && !options.readonly) options.onMigrated?.(await migrate(store.driver, loadMigrations()));
    else if (pending.length) {
      await store.driver.close();
      throw new AppError('conflict', `${path} is missing migrations ${pending.join(', ')}\n  update it with: sbb db migrate --db ${path}`);
    }
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('unavailable', `${path}: cannot open the database: ${(e as Error).message}\n  rebuild it with: sbb db build --fresh --db ${path}`, { cause: e });
  }
  return store;
}

/** Opens the database, runs `fn` on it and closes it, whatever happens. */
export async function withDatabase<T>(path: string, options: OpenOptions, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = await openDatabase(path, options);
  try {
    return await fn(store);
  } finally {
    await store.driver.close();
  }
}
