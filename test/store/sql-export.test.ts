// sbb db export-sql: the rows of a database as INSERT statements that load into D1 (after its migrations) unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { loadMigrations } from '../../src/node/data-files.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { migrate } from '../../src/store/migrate.js';
import type { SqlDriver } from '../../src/store/sql-driver.js';
import { exportSql, renderSqlFile } from '../../src/store/sql-export.js';
import { builtDb, runCli, tempDir } from '../support/temp-db.js';
import { d1Of, executeSqlFile, splitSqlFile, workerOnD1 } from '../support/worker-on-d1.js';

/** Every data table's rows as [type, value] pairs (so an INTEGER 2 and a REAL 2.0 differ), in a stable order. */
async function typedDump(driver: SqlDriver): Promise<Record<string, unknown[][]>> {
  const tables = await driver.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_cf%' ESCAPE '\\' AND name <> 'd1_migrations' ORDER BY name",
  );
  const dump: Record<string, unknown[][]> = {};
  // Full-text indexes are not exported: the target's triggers build them as the rows arrive (migrations/0007).
  for (const { name } of tables.filter((t) => !/_fts(_|$)/.test(t.name))) {
    const cols = await driver.all<{ name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid', [name]);
    const select = cols.map((c, i) => `typeof("${c.name}") AS t${i}, "${c.name}" AS v${i}`).join(', ');
    const order = cols.map((_, i) => 2 * i + 2).join(', ');
    const rows = await driver.all(`SELECT ${select} FROM "${name}" ORDER BY ${order}`);
    dump[name] = rows.map((r) => cols.map((_, i) => [r[`t${i}`], r[`v${i}`]]));
  }
  return dump;
}

describe('sbb db export-sql on the built database', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let mf: Miniflare;
  const out = tempDir('sbb-export-');

  beforeAll(async () => {
    db = await builtDb();
    mf = workerOnD1();
  });
  afterAll(async () => {
    await mf?.dispose();
    db?.cleanup();
    out.cleanup();
  });

  it('loads into a migrated D1 with every row and value as it was', async () => {
    const file = join(out.dir, 'sbb.sql');
    const r = await runCli('db', 'export-sql', '--db', db.path, '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*sbb\.sql: \d+ rows from \d+ tables in \d+ statements/);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/CREATE|d1_migrations|sqlite_sequence/);

    const d1 = createD1Driver(await d1Of(mf));
    await migrate(d1, loadMigrations());
    await executeSqlFile(await d1Of(mf), text);

    const source = createBetterSqliteDriver(db.path, { readonly: true });
    try {
      const expected = await typedDump(source);
      expect(expected.councils).toHaveLength(153);
      expect(expected.indicators!.length).toBeGreaterThan(10_000);
      expect(await typedDump(d1)).toEqual(expected);
      // The full-text index is built on D1 by its triggers as the rows arrive: searches find the same offers.
      const search = "SELECT o.id FROM offers o WHERE o.rowid IN (SELECT rowid FROM offers_fts WHERE offers_fts MATCH '\"overnight\"*') ORDER BY o.id";
      const onNode = await source.all(search);
      expect(onNode.length).toBeGreaterThan(5);
      expect(await d1.all(search)).toEqual(onNode);
    } finally {
      await source.close();
    }
  });

  it('writes the same file twice, parents before children, each statement under the D1 size limit', async () => {
    const source = createBetterSqliteDriver(db.path, { readonly: true });
    try {
      const a = await exportSql(source);
      const b = await exportSql(source);
      expect(renderSqlFile(a)).toBe(renderSqlFile(b));
      const order = a.tables.map((t) => t.name);
      for (const [parent, child] of [['regions', 'councils'], ['councils', 'offers'], ['sources', 'offers'], ['datasets', 'indicators'], ['runs', 'offers']])
        expect(order.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(order.indexOf(child!));
      for (const s of a.statements) expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(90_000);
      expect(splitSqlFile(renderSqlFile(a))).toEqual(a.statements);
    } finally {
      await source.close();
    }
  });
});

describe('exportSql on awkward values', () => {
  const t = tempDir('sbb-export-values-');
  let mf: Miniflare;
  beforeAll(() => void (mf = workerOnD1()));
  afterAll(async () => {
    await mf?.dispose();
    t.cleanup();
  });

  const schema = [
    'CREATE TABLE parent (id TEXT PRIMARY KEY)',
    'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id TEXT REFERENCES parent(id), s TEXT, r REAL, n)',
  ];
  const nasty = [
    "O'Brien's \"club\"; -- not a comment",
    'two\nlines\r\nand a tab\t',
    'Ünïcödé — 😀 ’quotes’',
    '',
    "'); DROP TABLE parent; --",
  ];

  function sourceDriver(name: string) {
    const driver = createBetterSqliteDriver(join(t.dir, name));
    for (const sql of schema) driver.raw.exec(sql);
    return driver;
  }

  it('round-trips quotes, semicolons, comments, newlines, unicode, exact REALs and big integers through D1', async () => {
    const src = sourceDriver('values.sqlite');
    await src.run("INSERT INTO parent VALUES ('p''1'), ('p2')");
    const reals = [0.1 + 0.2, 1e300, -2.5e-300, 2, 1 / 3];
    for (let i = 0; i < 40; i++)
      await src.run('INSERT INTO child VALUES (?, ?, ?, ?, ?)', [i + 1, i % 2 ? "p'1" : 'p2', nasty[i % nasty.length]!, reals[i % reals.length]!, i % 3 ? 2 ** 53 - i : null]);
    const exp = await exportSql(src, { maxStatementBytes: 400 });
    expect(exp.tables).toEqual([{ name: 'parent', rows: 2 }, { name: 'child', rows: 40 }]);
    expect(exp.statements.length).toBeGreaterThan(5);
    for (const s of exp.statements) expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(400);

    const d1db = await d1Of(mf);
    const d1 = createD1Driver(d1db);
    for (const sql of schema) await d1.run(sql);
    await executeSqlFile(d1db, renderSqlFile(exp));
    expect(await typedDump(d1)).toEqual(await typedDump(src));
    const back = await d1.all<{ s: string; r: number }>('SELECT s, r FROM child ORDER BY id LIMIT 5');
    expect(back.map((row) => row.s)).toEqual(nasty);
    expect(back.map((row) => row.r)).toEqual(reals);

    // --clear: loading again over the same data replaces it instead of colliding on keys.
    await executeSqlFile(d1db, renderSqlFile(await exportSql(src, { clear: true })));
    expect(await typedDump(d1)).toEqual(await typedDump(src));
    await src.close();
  });

  it('refuses BLOBs, rows over the statement limit and self-references with a clear message', async () => {
    const blob = sourceDriver('blob.sqlite');
    await blob.run("INSERT INTO parent VALUES ('p')");
    await blob.run("INSERT INTO child VALUES (1, 'p', 's', 1.5, ?)", [new Uint8Array([1, 2, 3])]);
    await expect(exportSql(blob)).rejects.toThrow(new AppError('unsupported', 'child.n holds a BLOB (row 1): export-sql writes text and numbers only'));
    await blob.run('DELETE FROM child');
    await blob.run("INSERT INTO child VALUES (1, 'p', ?, 1.5, NULL)", ['x'.repeat(500)]);
    await expect(exportSql(blob, { maxStatementBytes: 400 })).rejects.toThrow(/a row of child needs \d+ bytes, over the 400-byte statement limit/);
    await blob.close();

    const selfRef = createBetterSqliteDriver(join(t.dir, 'self.sqlite'));
    selfRef.raw.exec('CREATE TABLE node (id TEXT PRIMARY KEY, up TEXT REFERENCES node(id))');
    await expect(exportSql(selfRef)).rejects.toThrow(/node references itself/);
    await selfRef.close();
  });

  it('fails clearly through the CLI on a missing database', async () => {
    const r = await runCli('db', 'export-sql', '--db', join(t.dir, 'none.sqlite'), '--out', join(t.dir, 'x.sql'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/database not found/);
  });
});
