// SqlDriver over a Cloudflare D1 binding (Workers, Miniflare). The binding is passed in, never read from a global.
import { checkParams, type SqlDriver, type SqlRow, type SqlValue } from '../sql-driver.js';

/** D1 returns BLOBs as arrays of bytes; turn them back into Uint8Array so rows match better-sqlite3's. */
function normaliseRow<T extends SqlRow>(row: Record<string, unknown>): T {
  for (const [k, v] of Object.entries(row)) if (Array.isArray(v)) row[k] = Uint8Array.from(v as number[]);
  return row as T;
}

export function createD1Driver(db: D1Database): SqlDriver {
  const stmt = (sql: string, params?: readonly SqlValue[]) => {
    const p = db.prepare(sql);
    const values = checkParams(sql, params);
    return values.length ? p.bind(...values) : p;
  };
  return {
    name: 'd1',
    async all<T extends SqlRow>(sql: string, params?: readonly SqlValue[]) {
      const { results } = await stmt(sql, params).all<Record<string, unknown>>();
      return results.map((r) => normaliseRow<T>(r));
    },
    async get<T extends SqlRow>(sql: string, params?: readonly SqlValue[]) {
      const row = await stmt(sql, params).first<Record<string, unknown>>();
      return row ? normaliseRow<T>(row) : undefined;
    },
    async run(sql, params) {
      const res = await stmt(sql, params).run();
      return { changes: res.meta.changes ?? 0 };
    },
    async batch(statements) {
      if (statements.length) await db.batch(statements.map((s) => stmt(s.sql, s.params)));
    },
    async close() {},
  };
}
