// Builds every file of a workshop option pack (HTML, easy read, data annex, optionally the PDFs) and the ZIP with
// its manifest. Every file is a function of the data; the manifest's built_at is the only thing that changes
// between two builds of the same data.
import { zipSync } from 'fflate';
import { APP_VERSION } from '../../domain/version.js';
import type { ScoringModel } from '../../scoring/compare.js';
import { annexCsv, annexTables } from '../annex.js';
import { annexXlsx } from './annex-xlsx.js';
import { renderEasyRead } from '../easy-read.js';
import { assemblePack, type PackData, type PackRequest } from '../pack-data.js';
import { renderPackHtml } from '../pack-html.js';
import type { PdfRenderer } from './pdf-chromium.js';
import type { PackExtras } from '../sources.js';

export interface PackFile {
  path: string;
  data: Uint8Array;
  media_type: string;
}

export interface BuildOptions {
  /** Prints the PDFs; without it the pack has no PDF files. */
  pdf?: PdfRenderer | null;
  /** The build time written into the manifest (defaults to now). */
  now?: Date;
}

export interface BuiltPack {
  data: PackData;
  files: PackFile[];
  manifest: PackManifest;
}

export interface PackManifest {
  format: 'sbb-pack/1';
  app_version: string;
  council: { code: string; name: string; region: string };
  theme: string;
  group: { id: string; name: string; version: string; reason: string; members: Array<{ code: string; name: string }> };
  weights: { preset: string; spec: string; normalised: Record<string, number> };
  sensitivity: { samples: number; seed: number; concentration: number };
  method_version: string;
  taxonomy_version: string;
  data_date: string | null;
  data_fingerprint: string | null;
  database_built_at: string | null;
  snapshots: Array<{ url: string; id: string; sha256: string; fetched_at: string }>;
  records: { offers: string[]; facts: string[] };
  files: Array<{ path: string; bytes: number; sha256: string }>;
  built_at: string;
}

const enc = new TextEncoder();

async function sha256(data: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The pack's fixed date for file times and PDF metadata: the data date, else the database build date. */
export function packDate(pack: PackData): Date {
  const d = pack.compare.data_date ?? pack.database_built_at?.slice(0, 10) ?? '2000-01-01';
  return new Date(`${d.slice(0, 10)}T00:00:00Z`);
}

/** The PDF footer beside the page numbers. */
export const packFooter = (pack: PackData) => `Short breaks options for ${pack.compare.council.name} · ${pack.theme.label} · data of ${pack.compare.data_date ?? 'unknown date'}`;

export async function renderPackFiles(pack: PackData, pdf?: PdfRenderer | null): Promise<PackFile[]> {
  const html = await renderPackHtml(pack);
  const easy = renderEasyRead(pack);
  const tables = annexTables(pack);
  const date = packDate(pack);
  const c = pack.compare;
  const readMe: Array<[string, string]> = [
    ['Council', `${c.council.name} (${c.council.code})`],
    ['Theme', pack.theme.label],
    ['Compared with', `${c.group.name} [${c.group.version}]`],
    ['Weights', c.weights.spec],
    ['Method version', c.method_version],
    ['Taxonomy version', c.taxonomy_version],
    ['Data date', c.data_date ?? 'not known'],
    ['Missing values', 'Empty cells are missing (not found or not published), never zero.'],
    ...tables.map((t) => [t.title, `${t.rows.length} rows`] as [string, string]),
  ];
  const files: PackFile[] = [
    { path: 'pack.html', data: enc.encode(html), media_type: 'text/html; charset=utf-8' },
    { path: 'easy-read.html', data: enc.encode(easy), media_type: 'text/html; charset=utf-8' },
    ...tables.map((t) => ({ path: `data/${t.name}.csv`, data: enc.encode(annexCsv(t)), media_type: 'text/csv; charset=utf-8' })),
    { path: 'data/annex.xlsx', data: await annexXlsx(tables, readMe, date), media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ];
  if (pdf) {
    files.splice(1, 0, { path: 'pack.pdf', data: await pdf.render(html, { footer: packFooter(pack), date }), media_type: 'application/pdf' });
    files.splice(3, 0, { path: 'easy-read.pdf', data: await pdf.render(easy, { footer: `Short breaks in ${c.council.name}: easy read`, date }), media_type: 'application/pdf' });
  }
  return files;
}

export async function manifestFor(pack: PackData, files: PackFile[], now: Date): Promise<PackManifest> {
  const c = pack.compare;
  return {
    format: 'sbb-pack/1',
    app_version: APP_VERSION,
    council: { code: c.council.code, name: c.council.name, region: c.council.region_name },
    theme: pack.theme.code,
    group: { id: c.group.id, name: c.group.name, version: c.group.version, reason: c.group.reason, members: c.group.members.map((m) => ({ code: m, name: c.group.member_names[m] ?? m })) },
    weights: { preset: c.weights.preset, spec: c.weights.spec, normalised: { ...c.weights.weights } },
    sensitivity: { samples: c.sensitivity.settings.samples, seed: c.sensitivity.settings.seed, concentration: c.sensitivity.settings.concentration },
    method_version: c.method_version,
    taxonomy_version: c.taxonomy_version,
    data_date: c.data_date,
    data_fingerprint: c.data_fingerprint,
    database_built_at: pack.database_built_at,
    snapshots: pack.sources.filter((s) => s.snapshot).map((s) => ({ url: s.url, ...s.snapshot! })),
    records: { offers: pack.group_offers.map((o) => o.id), facts: pack.local_facts.map((f) => f.id) },
    files: await Promise.all(files.map(async (f) => ({ path: f.path, bytes: f.data.length, sha256: await sha256(f.data) }))),
    built_at: now.toISOString(),
  };
}

export async function buildPack(model: ScoringModel, extras: PackExtras, code: string, req: PackRequest, opts: BuildOptions = {}): Promise<BuiltPack> {
  const data = assemblePack(model, code, req, extras);
  const files = await renderPackFiles(data, opts.pdf);
  const manifest = await manifestFor(data, files, opts.now ?? new Date());
  return { data, files, manifest };
}

/** The ZIP: manifest.json first, then the files, every entry dated with the pack's data date. */
export function zipPack(pack: BuiltPack): Uint8Array {
  const mtime = packDate(pack.data);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = { 'manifest.json': [enc.encode(JSON.stringify(pack.manifest, null, 2) + '\n'), { mtime }] };
  for (const f of pack.files) entries[f.path] = [f.data, { mtime }];
  return zipSync(entries, { level: 6 });
}

/** A file name for the pack: sbb-pack-E10000017-all. */
export const packName = (pack: PackData) => `sbb-pack-${pack.compare.council.code}-${pack.theme.code}`;
