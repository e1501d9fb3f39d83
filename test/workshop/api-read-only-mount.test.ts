// `sbb serve` over a database on a read-only file system (a real read-only tmpfs mount; the tests run as root, as CI
// does): the server still starts and says workshops are off there (501), and SBB_WORKSHOP_DB puts them on a
// writable file, where participants join and score.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSbb, spawnSbb } from '../support/sbb-process.js';
import { builtDb } from '../support/temp-db.js';

describe('workshops beside a database on a read-only mount', () => {
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

  it('are off, said once, when their file cannot be written; the rest is served', async () => {
    const server = spawnSbb(['serve', '--port', '0', '--db', path]);
    try {
      const url = (await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      expect(server.output()).toMatch(/workshops are off: cannot open .*sbb\.workshops\.sqlite.*SBB_WORKSHOP_DB/);
      expect((await fetch(`${url}/api/councils`)).status).toBe(200);
      const res = await fetch(`${url}/api/workshops/ABCD-EFGH`);
      expect(res.status).toBe(501);
      expect(((await res.json()) as { error: string }).error).toMatch(/workshops are not set up/);
    } finally {
      await server.kill();
    }
  }, 60_000);

  it('work on the file SBB_WORKSHOP_DB names', async () => {
    const file = join(db.dir, 'elsewhere', 'workshops.sqlite');
    const created = await runSbb(['workshop', 'create', 'E10000017', '--db', path, '--json'], { SBB_WORKSHOP_DB: file });
    expect(created.code, created.output).toBe(0);
    const { code } = JSON.parse(created.output) as { code: string };
    const server = spawnSbb(['serve', '--port', '0', '--db', path], { SBB_WORKSHOP_DB: file });
    try {
      const url = (await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      expect(server.output()).toContain(`workshops kept in ${file}`);
      const w = ((await (await fetch(`${url}/api/workshops/${code}`)).json()) as { data: { code: string; options: Array<{ id: string }> } }).data;
      const joined = await fetch(`${url}/api/workshops/${w.code}/participants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'parent_carer' }) });
      const key = ((await joined.json()) as { data: { participant_key: string } }).data.participant_key;
      const scored = await fetch(`${url}/api/workshops/${w.code}/scores`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ participant_key: key, scores: [{ option: w.options[0]!.id, factor: 'choice', score: 5 }] }) });
      expect(scored.status).toBe(200);
    } finally {
      await server.kill();
    }
  }, 60_000);
});
