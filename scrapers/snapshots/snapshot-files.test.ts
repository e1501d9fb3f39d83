import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotFiles, isSnapshotWriteError, removeStaleTemp, sha256Of } from './snapshot-files.js';

describe('snapshot files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbb-snap-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a write that fails removes its temporary file and names the folder and the error', async () => {
    const files = createSnapshotFiles(dir, {
      async writeFile(path) {
        writeFileSync(path, 'half a gzip');
        throw Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' });
      },
    });
    const e = await files.put(new TextEncoder().encode('<p>page</p>')).catch((x: unknown) => x);
    expect(isSnapshotWriteError(e)).toBe(true);
    expect((e as Error).message).toBe(`could not write a snapshot to ${dir} (EDQUOT: disk quota exceeded, write)`);
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });

  it('removes temporary files of processes gone and of this one, and keeps the rest', async () => {
    const sha = sha256Of(new Uint8Array([1]));
    mkdirSync(join(dir, sha.slice(0, 2)));
    const at = (name: string) => join(dir, sha.slice(0, 2), name);
    const stored = at(`${sha}.gz`);
    const gone = at(`${sha}.gz.999999999.abc.tmp`);
    const mine = at(`${sha}.gz.${process.pid}.def.tmp`);
    const other = at(`${sha}.gz.1.ghi.tmp`); // pid 1 is alive
    for (const f of [stored, gone, mine, other]) writeFileSync(f, 'x');
    expect(await removeStaleTemp(dir)).toBe(2);
    expect([stored, gone, mine, other].map((f) => existsSync(f))).toEqual([true, false, false, true]);
    expect(await removeStaleTemp(join(dir, 'missing'))).toBe(0);
  });
});
