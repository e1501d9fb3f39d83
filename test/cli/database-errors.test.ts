// A missing, corrupt or outdated database file gives a clear message naming it, never a stack trace.
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { runCli, tempDir } from '../support/temp-db.js';

describe('database file problems', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  const expectClear = (r: { code: number; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('a missing file names the path and how to build it', async () => {
    const path = join(t.dir, 'missing.sqlite');
    expectClear(await runCli('councils', '--db', path), new RegExp(`database not found: ${path}\\n  build it with: sbb db build --db ${path}`));
  });

  it('a file that is not SQLite says so and how to rebuild', async () => {
    const path = join(t.dir, 'corrupt.sqlite');
    writeFileSync(path, 'this is not a database, just text that happens to be long enough');
    expectClear(await runCli('councils', '--db', path), /corrupt\.sqlite is not a SQLite database .*\n {2}rebuild it with: sbb db build --fresh/);
  });

  it('a truncated SQLite file is reported, not thrown', async () => {
    const path = join(t.dir, 'truncated.sqlite');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(200, 7)]));
    expectClear(await runCli('council', 'E10000017', '--db', path), /truncated\.sqlite: cannot open the database: .*\n {2}rebuild it with/);
  });

  it('a directory is not a database', async () => {
    const path = join(t.dir, 'adir');
    mkdirSync(path);
    expectClear(await runCli('councils', '--db', path), /adir is a directory, not a database file/);
  });

  it('a SQLite file without the schema asks for a migration', async () => {
    const path = join(t.dir, 'empty.sqlite');
    new Database(path).close();
    const names = loadMigrations().map((m) => m.name).join(', ');
    expectClear(await runCli('councils', '--db', path), new RegExp(`missing migrations ${names}\n {2}update it with: sbb db migrate`));
  });

  it('a wrong argument is a usage error (exit 2)', async () => {
    expect((await runCli('serve', '--port', 'eighty')).code).toBe(2);
    expect((await runCli('frobnicate')).code).toBe(2);
  });
});

describe('sbb db migrate', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('brings an empty SQLite file up to the current schema, then has nothing to do', async () => {
    const path = join(t.dir, 'old.sqlite');
    new Database(path).close();
    const first = await runCli('db', 'migrate', '--db', path);
    expect(first).toMatchObject({ code: 0, stdout: `applied ${loadMigrations().map((m) => m.name).join(', ')}\n` });
    expect((await runCli('db', 'migrate', '--db', path)).stdout).toBe('nothing to apply: the schema is current\n');
    expect((await runCli('councils', '--db', path)).code).toBe(0);
  });

  it('names a missing file', async () => {
    const r = await runCli('db', 'migrate', '--db', join(t.dir, 'nope.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/database not found: .*nope\.sqlite/);
  });
});
