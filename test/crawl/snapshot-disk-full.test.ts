// The disk fills up (or the snapshot folder cannot be written) in the middle of a scrape: the run stops as failed
// and resumable, no page whose body was not stored is marked done, no temporary file is left behind, the command
// exits non-zero naming the folder and the error, and `--resume` fetches what was not stored.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotFiles, type SnapshotIo } from '../../scrapers/snapshots/snapshot-files.js';
import { htmlPage } from '../support/fixture-server.js';
import { startHarness, type Harness } from '../support/crawl-harness.js';
import { runCli } from '../support/temp-db.js';

const PAGES = 8;

/** Writes like a disk that fills up after `room` files: the next write puts part of the file down, then ENOSPC. */
function fillingDisk(room: number): SnapshotIo {
  let written = 0;
  return {
    async writeFile(path, data) {
      if (written++ < room) return writeFile(path, data);
      await writeFile(path, data.subarray(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
  };
}

/** Every file under a folder, relative. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];

describe('a snapshot that cannot be written stops the run, resumable', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.server.routes({
      '/robots.txt': { kind: 'static', body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } },
      '/': { kind: 'static', body: htmlPage('Index (synthetic)', Array.from({ length: PAGES }, (_, i) => `<a href="/p/${i + 1}">${i + 1}</a>`).join(' ')) },
      ...Object.fromEntries(Array.from({ length: PAGES }, (_, i) => [`/p/${i + 1}`, { kind: 'static' as const, body: htmlPage(`Page ${i + 1} (synthetic)`, '') }])),
    });
  });
  afterEach(() => h.close());

  const frontier = (runId: string) =>
    h.store.driver.all<{ url: string; status: string; outcome: string | null; sha256: string | null }>(
      'SELECT f.url, f.status, f.outcome, s.sha256 FROM frontier f LEFT JOIN snapshots s ON s.id = f.snapshot_id WHERE f.run_id = ? ORDER BY f.rowid',
      [runId],
    );
  const runStatus = async (runId: string) => (await h.store.driver.get<{ status: string }>('SELECT status FROM runs WHERE id = ?', [runId]))!.status;

  it('disk full mid-run: the run fails, nothing unstored is done, no .tmp is left, --resume stores the rest', async () => {
    let runId = '';
    const failing = h.scrape(['/'], { snapshots: createSnapshotFiles(h.snapshotsDir, fillingDisk(3)), onStart: (i) => (runId = i.runId) });
    await expect(failing).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'snapshot_write',
      message: expect.stringMatching(new RegExp(`could not write a snapshot to ${h.snapshotsDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(ENOSPC: no space left on device, write\\): run run_scrape_\\S+ stopped as failed, \\d+ pages? not stored left to resume`)),
    });
    expect(await runStatus(runId)).toBe('failed');
    const rows = await frontier(runId);
    const done = rows.filter((r) => r.status === 'done');
    expect(done.length).toBe(3);
    // Every page marked done has its body on disk; none is marked done as a layout change or an error.
    for (const r of done) {
      expect(r.outcome).toBe('ok');
      expect(existsSync(join(h.snapshotsDir, r.sha256!.slice(0, 2), `${r.sha256}.gz`))).toBe(true);
    }
    expect(rows.filter((r) => r.status === 'pending').length).toBe(rows.length - 3);
    expect(filesUnder(h.snapshotsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(filesUnder(h.snapshotsDir)).toHaveLength(3);

    // Space freed: --resume fetches what was not stored, and only that.
    const hitsBefore = h.server.hits('/');
    const resumed = await h.scrape([], { resume: true });
    expect(resumed).toMatchObject({ runId, resumed: true, status: 'completed' });
    expect(resumed.sources[0]).toMatchObject({ status: 'ok', pages: PAGES + 1, records: PAGES + 1 });
    expect(h.server.hits('/')).toBe(hitsBefore);
    expect((await frontier(runId)).every((r) => r.status === 'done' && r.outcome === 'ok' && r.sha256)).toBe(true);
    expect(filesUnder(h.snapshotsDir)).toHaveLength(PAGES + 1);
  });

  it('sbb scrape into a snapshot folder that cannot be written: exit 1 naming the folder and the error, then --resume', async () => {
    const blocker = join(h.dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the snapshot folder should be\n');
    const badSnapshots = join(blocker, 'snapshots');
    const args = ['--allow-host', '127.0.0.1', '--delay-ms', '0', '--db', h.dbPath];
    const failed = await runCli('scrape', '--council', 'E10000017', '--url', `${h.server.url}/`, '--adapter', 'snapshot', '--snapshots', badSnapshots, ...args);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`could not write a snapshot to ${badSnapshots.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(ENOTDIR: not a directory`));
    expect(failed.stderr).toMatch(/stopped as failed, 1 page not stored left to resume.*sbb scrape --resume/s);
    expect(failed.stdout).not.toMatch(/classified/);

    const good = join(h.dir, 'good-snapshots');
    mkdirSync(good);
    const resumed = await runCli('scrape', '--resume', '--snapshots', good, ...args);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/resuming run run_scrape_\S+: 1 source, 1 page to fetch/);
    expect(resumed.stdout).toMatch(/completed: 1 page this session/);
    expect(filesUnder(good).filter((f) => f.endsWith('.gz'))).toHaveLength(1);
  });
});
