// Sources (where a fact came from, in one snake_case shape like the database and the API), snapshots, and runs.
import { z } from 'zod';
import { httpUrlField } from './urls.js';
import { CouncilCode, Timestamp } from './common.js';

export const SourceKind = z.enum([
  'statement',
  'local_offer_page',
  'directory',
  'oruk_feed',
  'pdf',
  'consultation',
  'committee_report',
  'foi_response',
  'news',
  'inspection_report',
  'reference_data',
  'file',
  'other',
]);
export type SourceKind = z.infer<typeof SourceKind>;

export const Platform = z.enum([
  'idox_kb5',
  'servelec_synergy',
  'placecube',
  'outpost',
  'jadu',
  'localgov_drupal',
  'pcg',
  'oruk_v1',
  'oruk_v3',
  'plain_html',
  'pdf',
]);
export type Platform = z.infer<typeof Platform>;

export const SourceSchema = z.object({
  id: z.string(),
  url: httpUrlField('url'),
  council_code: CouncilCode.nullable(),
  kind: SourceKind,
  platform: Platform.nullable(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A source as a crawl run reads it: the source and the adapter that parses its pages (chosen per run). */
export type CrawlSource = Source & { adapter: string };

export const SnapshotSchema = z.object({
  id: z.string(),
  source_id: z.string().nullable(),
  run_id: z.string().nullable(),
  url: z.string(),
  final_url: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  content_type: z.string().nullable(),
  byte_length: z.number().int().nonnegative(),
  fetched_at: Timestamp,
  /** The raw body; kept in the content-addressed snapshot store, so often absent from a loaded row. */
  body: z.instanceof(Uint8Array).optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const RunKind = z.enum(['scrape', 'import', 'build', 'classify', 'ofsted_import']);
export const RunStatus = z.enum(['running', 'completed', 'failed', 'interrupted']);

export const RunSchema = z.object({
  id: z.string(),
  kind: RunKind,
  status: RunStatus,
  started_at: Timestamp,
  finished_at: Timestamp.nullable(),
  args: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()).nullable(),
});
export type Run = z.infer<typeof RunSchema>;
