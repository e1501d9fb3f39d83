// The snapshot store port both runtimes implement (files on Node, R2 on Workers): content-addressed bodies, and the
// error a failed write raises (the run stops there; nothing unstored is marked done).
import { AppError, isAppError } from '../../src/domain/errors.js';

export interface StoredBody {
  sha256: string;
  /** false when an identical body was already stored. */
  written: boolean;
}

/** What the crawler needs of a body store; reads may be synchronous (files) or not (R2). */
export interface SnapshotStore {
  /** Where the bodies go, as error messages name it (a folder, or an R2 bucket). */
  readonly dir: string;
  put(bytes: Uint8Array): Promise<StoredBody>;
  get(sha256: string): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  has(sha256: string): boolean | Promise<boolean>;
}

/** The error for a snapshot that could not be written: the run stops (resumable), nothing unstored is marked done. */
export function snapshotWriteError(dir: string, cause: unknown): AppError {
  const e = cause as { code?: string; message?: string };
  const what = e.code ? `${e.code}: ${(e.message ?? '').replace(new RegExp(`^${e.code}: `), '')}` : String(e.message ?? cause);
  return new AppError('unavailable', `could not write a snapshot to ${dir} (${what})`, { code: 'snapshot_write', field: dir, cause });
}

export const isSnapshotWriteError = (e: unknown): e is AppError => isAppError(e) && e.code === 'snapshot_write';

/** The hex SHA-256 of a body with Web Crypto (the Workers runtime has no node:crypto hash by default). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
