// One writer at a time (real processes): an import while another process writes is refused with a message naming
// the holder; a lock left by a process that is gone is taken over; imports started together never record versions
// for records that did not change.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { runSbb } from '../support/sbb-process.js';
import { loadMigrations } from '../../src/node/data-files.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore } from '../../src/store/store.js';
import { EXAMPLESHIRE, syntheticBundle, syntheticOffer, taxonomy } from '../support/synthetic-reference.js';
import { builtDb, tempDir } from '../support/temp-db.js';

const curated = (n: number) =>
  readdirSync(join(PROJECT_ROOT, 'data/curated'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, n)
    .map((f) => join(PROJECT_ROOT, 'data/curated', f));

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('writers of one database', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb();
  }, 60_000);
  afterAll(() => db?.cleanup());

  it('an import while another live process holds the write lock exits 1 naming it, and writes nothing', async () => {
    const runs = count(db.path, 'SELECT COUNT(*) AS n FROM runs');
    // This test process stands for the other writer: a live process named in the lock file.
    writeFileSync(`${db.path}.lock`, JSON.stringify({ pid: process.pid, command: 'sbb scrape --all', since: '2026-12-04T10:00:00.000Z' }));
    try {
      const r = await runSbb(['import', curated(1)[0]!, '--db', db.path]);
      expect(r.code).toBe(1);
      expect(r.output).toMatch(new RegExp(`is being written by another process: \`sbb scrape --all\` \\(pid ${process.pid}, since 2026-12-04T10:00:00.000Z\\); try again when it finishes`));
      expect(r.output).not.toMatch(/\n\s+at /);
      expect(count(db.path, 'SELECT COUNT(*) AS n FROM runs')).toBe(runs);
    } finally {
      rmSync(`${db.path}.lock`, { force: true });
    }
  }, 60_000);

  it('a lock left by a process that is gone is taken over, and released after', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${db.path}.lock`, JSON.stringify({ pid: Number(gone.stdout), command: 'sbb import killed.json', since: '2026-12-04T10:00:00.000Z' }));
    const r = await runSbb(['import', curated(1)[0]!, '--db', db.path]);
    expect(r.code, r.output).toBe(0);
    expect(existsSync(`${db.path}.lock`)).toBe(false);
  }, 60_000);

  it('two imports of 20,000 synthetic offers started together: one at a time, no stack trace, one version per offer', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'synthetic.sqlite');
      const store = createStore(createBetterSqliteDriver(path));
      await migrate(store.driver, loadMigrations());
      await store.loadReference(syntheticBundle(), taxonomy);
      await store.driver.close();
      const file = join(t.dir, 'offers.json');
      const records = Array.from({ length: 20_000 }, (_, i) => syntheticOffer({ id: `exampleshire-club-${i}`, council_code: EXAMPLESHIRE, name: `Synthetic club ${i}` }));
      writeFileSync(file, JSON.stringify({ format: 'sbb-curated/1', records }));
      const both = await Promise.all([runSbb(['import', file, '--db', path]), runSbb(['import', file, '--db', path])]);
      for (const r of both) {
        expect(r.output).not.toMatch(/unexpected error|\n\s+at /);
        if (r.code !== 0) expect(r.output).toMatch(/is being written by another process: `sbb import /);
      }
      expect(both.map((r) => r.code)).toContain(0);
      const versions = () => count(path, 'SELECT COUNT(*) AS n FROM offer_versions');
      expect(versions()).toBe(20_000);
      expect(count(path, "SELECT COUNT(*) AS n FROM offer_versions WHERE change <> 'appeared'")).toBe(0);
      // Importing the same records again records nothing new.
      expect((await runSbb(['import', file, '--db', path])).code).toBe(0);
      expect(versions()).toBe(20_000);
    } finally {
      t.cleanup();
    }
  }, 180_000);

  it('two imports of the same records started together record no new versions', async () => {
    const files = curated(40);
    const versions = count(db.path, 'SELECT COUNT(*) AS n FROM offer_versions');
    const [a, b] = await Promise.all([runSbb(['import', ...files, '--db', db.path]), runSbb(['import', ...files, '--db', db.path])]);
    // Both succeed one after the other, or one is refused naming the other: never two writers at once.
    for (const r of [a, b]) if (r.code !== 0) expect(r.output).toMatch(/being written by another process: `sbb import/);
    expect([a.code, b.code]).toContain(0);
    expect(count(db.path, 'SELECT COUNT(*) AS n FROM offer_versions')).toBe(versions);
    expect(existsSync(`${db.path}.lock`)).toBe(false);
  }, 120_000);
});
