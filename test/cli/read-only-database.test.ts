// A database on a read-only file system (a real read-only tmpfs mount; the tests run as root, as CI does): the read
// commands and the server work, and a write says it is a permission problem naming the path, never "rebuild".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { runSbb, spawnSbb } from '../support/sbb-process.js';
import { readOnlyDatabase } from '../support/read-only-mount.js';

describe('a database on a read-only file system', () => {
  const ro = readOnlyDatabase();

  it('councils and council answer', async () => {
    const councils = await runSbb(['councils', '--db', ro.path]);
    expect(councils.code, councils.output).toBe(0);
    expect(councils.output).toMatch(/Lancashire/);
    const council = await runSbb(['council', '888', '--db', ro.path]);
    expect(council.code, council.output).toBe(0);
    expect(council.output).toMatch(/Lancashire/);
  }, 60_000);

  it('serve serves it', async () => {
    const server = spawnSbb(['serve', '--port', '0', '--db', ro.path]);
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
    const r = await runSbb(['import', join(PROJECT_ROOT, 'data/curated/E06000001-hartlepool.json'), '--db', ro.path]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(new RegExp(`permission problem: .*${ro.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*read-only file system`));
    expect(r.output).not.toMatch(/rebuild/);
    const migrate = await runSbb(['db', 'migrate', '--db', ro.path]);
    expect(migrate.code).toBe(1);
    expect(migrate.output).toMatch(/permission problem: .*read-only file system/);
    expect(migrate.output).not.toMatch(/rebuild/);
  }, 60_000);
});
