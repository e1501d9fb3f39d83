// The files of a workshop option pack, its manifest and its ZIP: every entry dated with the data date, so the same
// data gives the same bytes (the manifest's built_at aside). Pure: rendering the files is pack/render's job.
import { zipSync } from 'fflate';
import { APP_VERSION } from '../domain/version.js';
import type { PackData } from './pack-data.js';

export interface PackFile {
  path: string;
  data: Uint8Array;
  media_type: string;
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

/** A whole pack from its content and rendered files: the manifest is written over the files. */
export async function completePack(data: PackData, files: PackFile[], now: Date): Promise<BuiltPack> {
  return { data, files, manifest: await manifestFor(data, files, now) };
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
