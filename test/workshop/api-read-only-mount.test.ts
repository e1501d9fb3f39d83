// `sbb serve` over a database on a read-only file system (a real read-only tmpfs mount; the tests run as root, as CI
// does): the server still starts and says workshops are off there (501), and SBB_WORKSHOP_DB puts them on a
// writable file, where participants join and score.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSbb, spawnSbb } from '../support/sbb-process.js';
import { readOnlyDatabase } from '../support/read-only-mount.js';

describe('workshops beside a database on a read-only mount', () => {
  const ro = readOnlyDatabase();

  it('are off, said once, when their file cannot be written; the rest is served', async () => {
    const server = spawnSbb(['serve', '--port', '0', '--db', ro.path]);
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
    const file = join(ro.dir, 'elsewhere', 'workshops.sqlite');
    const created = await runSbb(['workshop', 'create', 'E10000017', '--db', ro.path, '--json'], { SBB_WORKSHOP_DB: file });
    expect(created.code, created.output).toBe(0);
    const { code } = JSON.parse(created.output) as { code: string };
    const server = spawnSbb(['serve', '--port', '0', '--db', ro.path], { SBB_WORKSHOP_DB: file });
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
