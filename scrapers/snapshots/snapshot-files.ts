// Content-addressed snapshot bodies on disk: <dir>/<first two hex>/<sha256>.gz, written once, atomically,
// without blocking the event loop (compression and file writes are asynchronous).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

export interface StoredBody {
  sha256: string;
  /** false when an identical body was already stored. */
  written: boolean;
}

export interface SnapshotFiles {
  readonly dir: string;
  put(bytes: Uint8Array): Promise<StoredBody>;
  get(sha256: string): Uint8Array | undefined;
  has(sha256: string): boolean;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createSnapshotFiles(dir: string): SnapshotFiles {
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
      if (!madeDirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        madeDirs.add(folder);
      }
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, await gzipAsync(bytes, { level: 6 }));
      await rename(tmp, path);
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
