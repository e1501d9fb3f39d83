// What a runtime hands the app besides the store: a pack builder and the writes (the Node server has both,
// Workers neither, and those routes answer 403 or 501 there).
import type { Store } from '../store/store.js';

export const PACK_FORMATS = ['zip', 'pdf', 'html'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface PackQuery {
  group?: string;
  theme?: string;
  weights?: string;
  contact?: string;
  return_by?: string;
}

export interface PackBuilder {
  build(store: Store, code: string, format: PackFormat, query: PackQuery): Promise<{ body: Uint8Array; filename: string; media_type: string }>;
  /** Prints any self-contained HTML document to PDF with the packs' browser (the workshop's "you said, we did"). */
  printHtml?(html: string, opts: { footer: string; date: Date }): Promise<Uint8Array>;
}

export interface WriteActions {
  importRecords(store: Store, records: unknown[]): Promise<Record<string, unknown>>;
  startScrape(store: Store, request: { councils?: string[]; all?: boolean }): Promise<{ run_id: string }>;
}

export interface WriteOptions {
  /** The bearer token; writes are off when it is missing or empty. */
  token?: string;
  actions?: WriteActions;
}

/** What the runtime knows of the database file beyond its tables (Node: the check on open and the write lock). */
export interface DatabaseStatus {
  integrity: 'ok' | 'corrupt' | 'unknown';
  integrity_findings: string[];
  integrity_checked_at: string | null;
  /** A `sbb db build` is writing the file now; null when the runtime cannot know. */
  build_running: boolean | null;
}

export interface Runtime {
  /** The database's integrity and whether a build is running; missing on Workers, where both are unknown. */
  database?: (store: Store) => DatabaseStatus;
  /** Builds workshop option packs; missing on Workers, where packs answer 501. */
  packs: PackBuilder | undefined;
  /** The bearer token and the implementations of the writes (Node only). */
  writes: WriteOptions;
}
