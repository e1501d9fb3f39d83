// A database on a read-only file system (a real read-only tmpfs mount; the tests run as root, as CI does): the read
// commands and the server work, and a write says it is a permission problem naming the path, never "rebuild".
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { runSbb, spawnSbb } from '../support/sbb-process.js';
import { builtDb } from '../support/temp-db.js';

describe('a database on a read-only file system', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let mount: string;
  let path: string;
  beforeAll(async () => {
    db = await builtDb();
    mount = join(db.dir, 'ro');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount]);
    path = join(mount, 'sbb.sqlite');
    copyFileSync(db.path, path);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
  }, 60_000);
  afterAll(() => {
    if (mount) execFileSync('umount', [mount]);
    db?.cleanup();
  });

  it('councils and council answer', async () => {
    const councils = await runSbb(['councils', '--db', path]);
    expect(councils.code, councils.output).toBe(0);
    expect(councils.output).toMatch(/Lancashire/);
    const council = await runSbb(['council', '888', '--db', path]);
    expect(council.code, council.output).toBe(0);
    expect(council.output).toMatch(/Lancashire/);
  }, 60_000);

  it('serve serves it', async () => {
    const server = spawnSbb(['serve', '--port', '0', '--db', path]);
    try {
      const url = (await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      const res = await fetch(`${url}/api/councils`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(153);
    } finally {
      await server.kill();
    }
  }, 60_000);

  it('a write is a permission problem naming the path, not advice to rebuild', async () => {
    const r = await runSbb(['import', join(PROJECT_ROOT, 'data/curated/E06000001-hartlepool.json'), '--db', path]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(new RegExp(`permission problem: .*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*read-only file system`));
    expect(r.output).not.toMatch(/rebuild/);
    const migrate = await runSbb(['db', 'migrate', '--db', path]);
    expect(migrate.code).toBe(1);
    expect(migrate.output).toMatch(/permission problem: .*read-only file system/);
    expect(migrate.output).not.toMatch(/rebuild/);
  }, 60_000);
});
