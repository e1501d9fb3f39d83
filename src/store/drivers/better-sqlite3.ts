// SqlDriver over better-sqlite3 (Node): WAL journal, foreign keys on, prepared statements cached.
import Database from 'better-sqlite3';
import { checkParams, type SqlDriver, type SqlRow, type SqlValue } from '../sql-driver.js';

export interface BetterSqliteOptions {
  readonly?: boolean;
  /** Open only an existing file (default true for readonly). */
  fileMustExist?: boolean;
}

/** `path` may be a Buffer holding a whole database file: opened in memory (a snapshot of a file on a read-only mount). */
export function createBetterSqliteDriver(path: string | Buffer, options: BetterSqliteOptions = {}): SqlDriver & { raw: Database.Database } {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? options.readonly ?? false,
  });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: a bulk import's transaction stays in memory instead of spilling pages mid-way.
  db.pragma('cache_size = -65536');
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const bind = (sql: string, params?: readonly SqlValue[]) => checkParams(sql, params) as SqlValue[];
  const runAll = db.transaction((statements: ReadonlyArray<{ sql: string; params?: readonly SqlValue[] }>) => {
    for (const s of statements) prepare(s.sql).run(...bind(s.sql, s.params));
  });
  return {
    name: 'better-sqlite3',
    raw: db,
    async all<T extends SqlRow>(sql: string, params?: readonly SqlValue[]) {
      const stmt = prepare(sql);
      if (!stmt.reader) {
        stmt.run(...bind(sql, params));
        return [] as T[];
      }
      return stmt.all(...bind(sql, params)) as T[];
    },
    async get<T extends SqlRow>(sql: string, params?: readonly SqlValue[]) {
      return prepare(sql).get(...bind(sql, params)) as T | undefined;
    },
    async run(sql, params) {
      const info = prepare(sql).run(...bind(sql, params));
      return { changes: info.changes };
    },
    async batch(statements) {
      if (statements.length) runAll(statements);
    },
    async close() {
      cache.clear();
      db.close();
    },
  };
}
