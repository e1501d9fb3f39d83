// Snapshot bodies in an R2 bucket (the Workers runtime's store): content-addressed <first two hex>/<sha256>, written
// once; a write that fails is a `snapshot_write` error naming the bucket, as a full disk is on Node.
import { sha256Hex, snapshotWriteError, type SnapshotStore } from './snapshot-store.js';

/** The part of an R2 bucket binding the store uses (R2Bucket satisfies it). */
export interface R2Like {
  head(key: string): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
}

const keyOf = (sha: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a sha256: ${sha}`);
  return `${sha.slice(0, 2)}/${sha}`;
};

export function createR2Snapshots(bucket: R2Like, name = 'SNAPSHOTS'): SnapshotStore {
  const dir = `R2 bucket ${name}`;
  const known = new Set<string>();
  return {
    dir,
    async put(bytes) {
      const sha256 = await sha256Hex(bytes);
      if (known.has(sha256)) return { sha256, written: false };
      try {
        if (await bucket.head(keyOf(sha256))) {
          known.add(sha256);
          return { sha256, written: false };
        }
        await bucket.put(keyOf(sha256), bytes, { httpMetadata: { contentType: 'application/octet-stream' } });
      } catch (e) {
        throw snapshotWriteError(dir, e);
      }
      known.add(sha256);
      return { sha256, written: true };
    },
    async get(sha256) {
      const object = await bucket.get(keyOf(sha256));
      return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
    },
    async has(sha256) {
      return known.has(sha256) || Boolean(await bucket.head(keyOf(sha256)));
    },
  };
}
