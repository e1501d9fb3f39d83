// Applies plain-SQL migrations through the SqlDriver, recording them in wrangler's own d1_migrations table.
import type { SqlDriver, SqlStatement } from './sql-driver.js';

export interface Migration {
  name: string;
  sql: string;
}

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/** Splits a migration into statements: on semicolons that end a line, ignoring comment lines. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies pending migrations in name order, each one atomically with its record. Returns the names applied. */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[]): Promise<string[]> {
  await driver.run(CREATE_MIGRATIONS_TABLE);
  const applied = new Set((await driver.all<{ name: string }>('SELECT name FROM d1_migrations')).map((r) => r.name));
  const done: string[] = [];
  for (const m of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    if (applied.has(m.name)) continue;
    const statements: SqlStatement[] = splitStatements(m.sql).map((sql) => ({ sql }));
    statements.push({ sql: 'INSERT INTO d1_migrations (name) VALUES (?)', params: [m.name] });
    await driver.batch(statements);
    done.push(m.name);
  }
  return done;
}

/** Names of migrations known to the code but not applied to this database. */
export async function pendingMigrations(driver: SqlDriver, migrations: readonly Migration[]): Promise<string[]> {
  const table = await driver.get("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'");
  if (!table) return migrations.map((m) => m.name);
  const applied = new Set((await driver.all<{ name: string }>('SELECT name FROM d1_migrations')).map((r) => r.name));
  return migrations.map((m) => m.name).filter((n) => !applied.has(n));
}
