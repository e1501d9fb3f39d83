// bin/worker-dev.js (npm run worker:dev): loads the database into wrangler's local D1, once, and serves it with wrangler dev.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { builtDb, dumpDb, tempDir } from '../support/temp-db.js';

const SCRIPT = join(PROJECT_ROOT, 'bin', 'worker-dev.js');

function workerDev(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The data tables of a database (not the migrations record, whose times differ, nor SQLite's or D1's own). */
function dataOf(path: string) {
  return Object.fromEntries(Object.entries(dumpDb(path)).filter(([name]) => !/^(sqlite_|_cf_|d1_migrations$)/.test(name)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

describe('bin/worker-dev.js', () => {
  const t = tempDir('sbb-worker-dev-');
  const persist = join(t.dir, 'state');
  let db: Awaited<ReturnType<typeof builtDb>>;

  beforeAll(async () => {
    db = await builtDb();
  });
  afterAll(() => {
    db?.cleanup();
    t.cleanup();
  });

  it('loads the database into the local D1 after its migrations, and only once', () => {
    const first = workerDev('--load-only', '--db', db.path, '--persist-to', persist);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/applied the migrations to the local D1/);
    expect(first.out).toMatch(/local D1 ready in/);
    const dir = join(persist, 'v3', 'd1', 'miniflare-D1DatabaseObject');
    const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')!;
    const local = dataOf(join(dir, file));
    expect(local.councils).toHaveLength(153);
    expect(local).toEqual(dataOf(db.path));
    expect(dumpDb(join(dir, file)).d1_migrations).toHaveLength(loadMigrations().length);

    const again = workerDev('--load-only', '--db', db.path, '--persist-to', persist);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/already holds/);
    const reload = workerDev('--load-only', '--reload', '--db', db.path, '--persist-to', persist);
    expect(reload.code, reload.out).toBe(0);
    expect(dataOf(join(dir, file))).toEqual(dataOf(db.path));
  }, 90_000);

  it('serves the loaded data with wrangler dev', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [SCRIPT, '--db', db.path, '--persist-to', persist, '--port', String(port)], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`wrangler dev did not start:\n${log}`)), 45_000);
        const onData = (chunk: Buffer) => {
          log += chunk.toString();
          if (/Ready on http/.test(log)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`worker-dev exited (${code}):\n${log}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/councils/E10000017`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { council: { name: string } } };
      expect(body.data.council.name).toBe('Lancashire');
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  }, 60_000);
});
