// Content-addressed snapshot bodies on disk: <dir>/<first two hex>/<sha256>.gz, written once, atomically,
// without blocking the event loop (compression and file writes are asynchronous). A write that fails (disk full,
// quota, read-only, permissions) removes its temporary file and is thrown as a `snapshot_write` error naming the folder.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { snapshotWriteError, type SnapshotStore } from './snapshot-store.js';

const gzipAsync = promisify(gzip);

export { isSnapshotWriteError, snapshotWriteError, type SnapshotStore, type StoredBody } from './snapshot-store.js';

/** The files store: reads are synchronous (re-parsing reads bodies one after another). */
export interface SnapshotFiles extends SnapshotStore {
  get(sha256: string): Uint8Array | undefined;
  has(sha256: string): boolean;
}

/** The file writes snapshots go through (a seam: tests hand in one that fails as a full disk does). */
export interface SnapshotIo {
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const TEMP = /^[0-9a-f]{64}\.gz\.(\d+)\.[a-z0-9]*\.tmp$/;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes temporary files left in a snapshot folder by writes that never finished (a full disk, kill -9): those of
 * processes no longer running, and this process's own (call it when no write of this process is in flight).
 */
export async function removeStaleTemp(dir: string): Promise<number> {
  let removed = 0;
  const folders = await readdir(dir).catch(() => [] as string[]);
  for (const folder of folders.filter((f) => /^[0-9a-f]{2}$/.test(f))) {
    for (const name of await readdir(join(dir, folder)).catch(() => [] as string[])) {
      const pid = Number(TEMP.exec(name)?.[1] ?? NaN);
      if (Number.isNaN(pid) || (pid !== process.pid && alive(pid))) continue;
      await unlink(join(dir, folder, name)).then(() => removed++, () => undefined);
    }
  }
  return removed;
}

export function createSnapshotFiles(dir: string, io: SnapshotIo = { writeFile }): SnapshotFiles {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a sha256: ${sha}`);
    return join(dir, sha.slice(0, 2), `${sha}.gz`);
  };
  const madeDirs = new Set<string>();
  const known = new Set<string>();
  return {
    dir,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      if (known.has(sha256) || existsSync(path)) {
        known.add(sha256);
        return { sha256, written: false };
      }
      const folder = dirname(path);
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        if (!madeDirs.has(folder)) {
          await mkdir(folder, { recursive: true });
          madeDirs.add(folder);
        }
        await io.writeFile(tmp, await gzipAsync(bytes, { level: 6 }));
        await rename(tmp, path);
      } catch (e) {
        await unlink(tmp).catch(() => undefined);
        throw snapshotWriteError(dir, e);
      }
      known.add(sha256);
      return { sha256, written: true };
    },
    get(sha256) {
      const path = pathOf(sha256);
      if (!existsSync(path)) return undefined;
      const bytes = gunzipSync(readFileSync(path));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    has: (sha256) => known.has(sha256) || existsSync(pathOf(sha256)),
  };
}
