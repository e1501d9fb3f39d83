// Content-addressed snapshot bodies on disk: <dir>/<first two hex>/<sha256>.gz, written once, atomically.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface StoredBody {
  sha256: string;
  /** false when an identical body was already stored. */
  written: boolean;
}

export interface SnapshotFiles {
  readonly dir: string;
  put(bytes: Uint8Array): StoredBody;
  get(sha256: string): Uint8Array | undefined;
  has(sha256: string): boolean;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createSnapshotFiles(dir: string): SnapshotFiles {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a sha256: ${sha}`);
    return join(dir, sha.slice(0, 2), `${sha}.gz`);
  };
  return {
    dir,
    put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      if (existsSync(path)) return { sha256, written: false };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, gzipSync(bytes, { level: 6 }));
      renameSync(tmp, path);
      return { sha256, written: true };
    },
    get(sha256) {
      const path = pathOf(sha256);
      if (!existsSync(path)) return undefined;
      const bytes = gunzipSync(readFileSync(path));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    has: (sha256) => existsSync(pathOf(sha256)),
  };
}
