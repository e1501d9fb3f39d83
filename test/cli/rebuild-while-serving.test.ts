// A rebuild while `sbb serve` runs (real processes): a write during the build is refused with 409 naming the
// build, the server then serves the new build, and a write it confirms is in the file after it stops. A database
// file replaced under the server (mv) is followed too: the server reopens it, and writes land in the new file.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { spawnSbb, waitForFile, type SbbProcess } from '../support/sbb-process.js';
import { builtDb } from '../support/temp-db.js';

const TOKEN = 'rebuild-test-token';
// A real, sourced record from data/, imported again through the API: each import is a run that must not be lost.
const record = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/curated/E06000001-hartlepool.json'), 'utf8')) as { records: unknown[] }).records[0];

const runsIn = (path: string, id: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM runs WHERE id = ?').get(id) as { n: number }).n;
  } finally {
    db.close();
  }
};

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('rebuilding or replacing the database under a running server', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let server: SbbProcess;
  let url: string;
  let replacement: string;
  let sourceless: string;
  const version = async () => ((await (await fetch(`${url}/-/version`)).json()) as { data: { data_built_at: string } }).data.data_built_at;
  const importOne = () =>
    fetch(`${url}/api/import`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ records: [record] }) });

  beforeAll(async () => {
    db = await builtDb();
    replacement = join(db.dir, 'replacement.sqlite');
    const file = new Database(db.path, { readonly: true });
    sourceless = (file.prepare('SELECT code FROM councils c WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.council_code = c.code) ORDER BY code LIMIT 1').get() as { code: string }).code;
    file.close();
    copyFileSync(db.path, replacement);
    server = spawnSbb(['serve', '--port', '0', '--db', db.path], { SBB_WRITE_TOKEN: TOKEN });
    url = (await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  }, 90_000);
  afterAll(async () => {
    await server?.kill();
    db?.cleanup();
  });

  it('refuses a write during `db build --fresh` with 409, then serves the new build and keeps what it confirms', async () => {
    const before = await version();
    const build = spawnSbb(['db', 'build', '--fresh', '--db', db.path]);
    await waitForFile(`${db.path}.lock`);
    const during = await importOne();
    expect(during.status).toBe(409);
    expect(during.headers.get('retry-after')).toBeTruthy();
    expect(((await during.json()) as { error: string }).error).toMatch(/being written by another process: `sbb db build --fresh` \(pid \d+/);
    // A scrape is refused too (asked for a council with no sources, so nothing would be fetched if it were not).
    const scrape = await fetch(`${url}/api/scrape`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ councils: [sourceless] }) });
    expect(scrape.status).toBe(409);
    const built = await build.exited;
    expect(built.code, built.output).toBe(0);

    expect(await until(version, (v) => v !== before)).not.toBe(before);
    const after = await importOne();
    expect(after.status).toBe(200);
    const { run_id } = ((await after.json()) as { data: { run_id: string } }).data;
    expect((await fetch(`${url}/api/runs/${run_id}`)).status).toBe(200);
    // What the server confirmed is in the file itself, not in a deleted copy only the server still sees.
    expect(runsIn(db.path, run_id)).toBe(1);
  }, 120_000);

  it('follows a file moved over the database: reads the new file and writes into it', async () => {
    const marked = new Database(replacement);
    marked.prepare("UPDATE meta SET value = '2001-01-01T00:00:00.000Z' WHERE key = 'built_at'").run();
    marked.close();
    renameSync(replacement, db.path);
    expect(await until(version, (v) => v === '2001-01-01T00:00:00.000Z')).toBe('2001-01-01T00:00:00.000Z');
    const res = await importOne();
    expect(res.status).toBe(200);
    const { run_id } = ((await res.json()) as { data: { run_id: string } }).data;
    expect(runsIn(db.path, run_id)).toBe(1);
  }, 60_000);
});
