// A disk that fills during an import or a build (a real 1 MiB tmpfs mount; the tests run as root, as CI does): the
// command exits 1 with one line saying the disk is full and nothing was written, the database is as it was, and a
// build leaves no temporary files.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore } from '../../src/store/store.js';
import { runSbb } from '../support/sbb-process.js';
import { EXAMPLESHIRE, syntheticBundle, syntheticOffer, taxonomy } from '../support/synthetic-reference.js';
import { tempDir } from '../support/temp-db.js';

function rows(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('a disk that fills during a write', () => {
  const t = tempDir();
  const mount = join(t.dir, 'small');
  const path = join(mount, 'sbb.sqlite');
  const file = join(t.dir, 'offers.json');
  beforeAll(async () => {
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
    // Built beside the mount and copied in: the build's write-ahead log must not count against the small disk.
    const built = join(t.dir, 'built.sqlite');
    const store = createStore(createBetterSqliteDriver(built));
    await migrate(store.driver, loadMigrations());
    await store.loadReference(syntheticBundle(), taxonomy);
    await store.driver.close();
    copyFileSync(built, path);
    const records = Array.from({ length: 5000 }, (_, i) => syntheticOffer({ id: `exampleshire-club-${i}`, council_code: EXAMPLESHIRE, name: `Synthetic club ${i}` }));
    writeFileSync(file, JSON.stringify({ format: 'sbb-curated/1', records }));
  }, 60_000);
  afterAll(() => {
    execFileSync('umount', [mount]);
    t.cleanup();
  });

  it('an import says the disk is full and writes nothing', async () => {
    const r = await runSbb(['import', file, '--db', path]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/the disk holding .*sbb\.sqlite is full: nothing was written/);
    expect(r.output).not.toMatch(/unexpected error|\n\s+at /);
    expect(rows(path, 'SELECT COUNT(*) AS n FROM offers')).toEqual([{ n: 0 }]);
    expect(rows(path, 'PRAGMA quick_check')).toEqual([{ quick_check: 'ok' }]);
  }, 60_000);

  it('a fresh build says the disk is full, keeps the database and leaves no temporary files', async () => {
    const r = await runSbb(['db', 'build', '--fresh', '--db', path]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/the disk holding .*sbb\.sqlite is full: nothing was written/);
    expect(r.output).not.toMatch(/unexpected error|\n\s+at /);
    expect(rows(path, 'SELECT COUNT(*) AS n FROM councils')).toEqual([{ n: syntheticBundle().councils.length }]);
    expect(readdirSync(mount).filter((f) => f.includes('.building-') || f.endsWith('.lock'))).toEqual([]);
  }, 120_000);
});
