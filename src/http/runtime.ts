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

export interface Runtime {
  /** Builds workshop option packs; missing on Workers, where packs answer 501. */
  packs: PackBuilder | undefined;
  /** The bearer token and the implementations of the writes (Node only). */
  writes: WriteOptions;
}
