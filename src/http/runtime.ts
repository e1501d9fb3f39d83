// What a runtime hands the app besides the store: a pack builder and the writes (the Node server has both,
// Workers neither, and those routes answer 403 or 501 there).
import type { Workshop, WorkshopResults } from '../domain/workshop.js';
import type { Store } from '../store/store.js';
import type { LimitCheck, WorkshopStore } from '../store/workshop-store.js';

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
  /** Workshop mode (issue 18): its store, who may create workshops, the rate limits; missing where none is set up. */
  workshops?: WorkshopRuntime;
}

/** How a route reaches workshop mode: src/http/workshop-context.ts reads it for the API and the pages. */
export interface WorkshopRuntime {
  /** The workshop store for a request's bindings (Node: its own SQLite file beside the database; Workers: D1). */
  store(env: object): WorkshopStore;
  /** The bearer token that may create workshops (Node: SBB_WRITE_TOKEN; Workers: an SBB_WRITE_TOKEN secret); off without one. */
  token(env: object): string | undefined;
  /** The rate limits (per client address, per code, per participant key). */
  limits: LimitCheck;
  /** Results as an XLSX workbook (Node, exceljs); missing on Workers, where .xlsx answers 501. */
  xlsx?: (results: WorkshopResults, workshop: Workshop) => Promise<Uint8Array>;
}
