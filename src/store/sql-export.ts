// Writes a database's rows (not its schema) as multi-row INSERT statements D1 accepts, parent tables before children.
import { AppError } from '../domain/errors.js';

const unsupported = (message: string) => new AppError('unsupported', message);
import type { SqlDriver } from './sql-driver.js';

/** D1 refuses statements over 100,000 bytes; stay clear of it. */
export const MAX_STATEMENT_BYTES = 90_000;

export interface SqlExport {
  /** Each a complete statement without its trailing semicolon. */
  statements: string[];
  /** The tables in load order with their row counts. */
  tables: Array<{ name: string; rows: number }>;
}

export interface SqlExportOptions {
  maxStatementBytes?: number;
  /** Start with DELETE FROM every exported table (children first), so loading replaces what is there. */
  clear?: boolean;
}

/**
 * Tables that hold no data of ours: SQLite's own, D1's own, and the migrations record the target keeps itself; and
 * workshop tables, which hold users' data on the target that a data load (even with --clear) must never replace.
 */
const SKIPPED = /^(sqlite_|_cf_|d1_migrations$|workshops$|workshop_)/;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** FTS5 shadow tables of a full-text index named `name`: the target's triggers rebuild them as rows arrive. */
const ftsShadow = (name: string) => new RegExp(`^${name.replace(/[^\w]/g, '')}_(data|idx|docsize|config|content)$`);

async function tableNames(driver: SqlDriver): Promise<string[]> {
  const rows = await driver.all<{ name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const virtual = rows.filter((r) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(r.sql ?? ''));
  // Full-text indexes (migrations/0007_search.sql) are kept by triggers on their tables: left out, with their shadow tables.
  const fts = virtual.filter((r) => /\bUSING\s+fts5\s*\(/i.test(r.sql ?? '')).map((r) => r.name);
  const other = virtual.filter((r) => !fts.includes(r.name));
  if (other.length)
    throw unsupported(`cannot export virtual tables (${other.map((r) => r.name).join(', ')}): rebuild them on the target instead`);
  const derived = (n: string) => fts.includes(n) || fts.some((f) => ftsShadow(f).test(n));
  return rows.map((r) => r.name).filter((n) => !SKIPPED.test(n) && !derived(n));
}

/** Orders tables so every table comes after the tables its foreign keys point at (ties by name). */
export async function loadOrder(driver: SqlDriver, names: readonly string[]): Promise<string[]> {
  const parents = new Map<string, Set<string>>();
  for (const name of names) {
    const fks = await driver.all<{ table: string }>('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)', [name]);
    if (fks.some((fk) => fk.table === name)) throw unsupported(`${name} references itself: export-sql cannot order its rows`);
    parents.set(name, new Set(fks.map((fk) => fk.table).filter((t) => names.includes(t))));
  }
  const order: string[] = [];
  const left = new Set(names);
  while (left.size) {
    const ready = [...left].filter((n) => [...parents.get(n)!].every((p) => !left.has(p))).sort();
    if (!ready.length) throw unsupported(`foreign keys form a cycle among ${[...left].join(', ')}: export-sql cannot order them`);
    for (const n of ready) left.delete(n);
    order.push(...ready);
  }
  return order;
}

/** One table's rows as SQL literals (SQLite's own quote(), so REALs and text round-trip exactly), in key order. */
async function quotedRows(driver: SqlDriver, table: string): Promise<{ columns: string[]; rows: string[][] }> {
  const info = await driver.all<{ name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid', [table]);
  const columns = info.map((c) => c.name);
  const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => ident(c.name));
  const select = columns.map((c, i) => `quote(${ident(c)}) AS c${i}`).join(', ');
  const raw = await driver.all<Record<string, string>>(`SELECT ${select} FROM ${ident(table)} ORDER BY ${keys.length ? keys.join(', ') : 'rowid'}`);
  const rows = raw.map((r, n) =>
    columns.map((c, i) => {
      const v = String(r[`c${i}`]);
      if (/^x'/i.test(v)) throw unsupported(`${table}.${c} holds a BLOB (row ${n + 1}): export-sql writes text and numbers only`);
      return v;
    }),
  );
  return { columns, rows };
}

/** INSERT statements for one table, each as many rows as fit under the size limit. */
function insertStatements(table: string, columns: string[], rows: string[][], maxBytes: number): string[] {
  const head = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES\n`;
  const headBytes = utf8Bytes(head);
  const out: string[] = [];
  let tuples: string[] = [];
  let bytes = headBytes;
  for (const row of rows) {
    const tuple = `(${row.join(', ')})`;
    const size = utf8Bytes(tuple) + 2;
    if (headBytes + size > maxBytes)
      throw new AppError('too_large', `a row of ${table} needs ${headBytes + size} bytes, over the ${maxBytes}-byte statement limit (key ${row[0]!.slice(0, 60)})`);
    if (bytes + size > maxBytes) {
      out.push(head + tuples.join(',\n'));
      tuples = [];
      bytes = headBytes;
    }
    tuples.push(tuple);
    bytes += size;
  }
  if (tuples.length) out.push(head + tuples.join(',\n'));
  return out;
}

/** Every row of every data table as INSERT statements, in foreign-key-safe order. Deterministic for the same data. */
export async function exportSql(driver: SqlDriver, options: SqlExportOptions = {}): Promise<SqlExport> {
  const maxBytes = options.maxStatementBytes ?? MAX_STATEMENT_BYTES;
  const order = await loadOrder(driver, await tableNames(driver));
  const statements = options.clear ? [...order].reverse().map((t) => `DELETE FROM ${ident(t)}`) : [];
  const tables: SqlExport['tables'] = [];
  for (const table of order) {
    const { columns, rows } = await quotedRows(driver, table);
    statements.push(...insertStatements(table, columns, rows, maxBytes));
    tables.push({ name: table, rows: rows.length });
  }
  return { statements, tables };
}

/** The export as a file: a comment line per table, then one statement per `;`-terminated block. */
export function renderSqlFile(exp: SqlExport): string {
  const header = [
    '-- short-breaks-benchmark data: rows only, load after the migrations (wrangler d1 execute DB --file FILE).',
    ...exp.tables.map((t) => `-- ${t.name}: ${t.rows} rows`),
  ];
  return `${header.join('\n')}\n${exp.statements.map((s) => `${s};\n`).join('')}`;
}
