// The one way to build a workshop option pack from a store, for the CLI and the API alike: the content is
// assembled once (pure), then rendered to the file asked for through the renderer the runtime hands in.
import { assemblePack, type PackData, type PackRequest } from '../pack/pack-data.js';
import { completePack, packName, zipPack, type BuiltPack, type PackFile } from '../pack/pack-files.js';
import { renderPackHtml } from '../pack/pack-html.js';
import type { PackExtras, SnapshotRef } from '../pack/sources.js';
import type { Store } from '../store/store.js';
import { scoringModelFor } from './scoring-model.js';

/** Renders a pack's files; on Node, src/pack/render with exceljs and Chromium (see createPackRenderer). */
export interface PackRenderer {
  /** Every file: HTML, easy read, data annex, and the PDFs where the renderer prints. */
  files(data: PackData): Promise<PackFile[]>;
  /** The pack's HTML printed to PDF. */
  pdf(data: PackData, html: string): Promise<Uint8Array>;
}

export type PackFormat = 'zip' | 'pdf' | 'html';

/** The few store reads a pack needs beyond the scoring snapshot: dataset citations and the latest snapshot of each source. */
export async function readPackExtras(store: Store): Promise<PackExtras> {
  const [datasets, snaps] = await Promise.all([store.datasets(), store.latestSnapshotPerUrl()]);
  const snapshots = new Map<string, SnapshotRef>();
  for (const s of snaps) if (!snapshots.has(s.url)) snapshots.set(s.url, { id: s.id, sha256: s.sha256, fetched_at: s.fetched_at });
  return {
    datasets: datasets.map((d) => ({ id: d.id, title: d.title, publisher: d.publisher, licence: d.licence, data_date: d.data_date, source_url: d.source_url })),
    snapshots,
  };
}

/** What a pack shows for a council (any key the council lookup takes), from the cached scoring model. */
export async function packContent(store: Store, code: string, request: PackRequest): Promise<PackData> {
  const [model, extras] = await Promise.all([scoringModelFor(store), readPackExtras(store)]);
  return assemblePack(model, code, request, extras);
}

/** Every file of the pack and its manifest. */
export async function buildPack(store: Store, code: string, request: PackRequest, renderer: PackRenderer, now = new Date()): Promise<BuiltPack> {
  const data = await packContent(store, code, request);
  return completePack(data, await renderer.files(data), now);
}

/** One file to send: the pack's HTML, its PDF, or the ZIP of every file with the manifest. */
export async function buildPackFile(store: Store, code: string, format: PackFormat, request: PackRequest, renderer: PackRenderer): Promise<{ body: Uint8Array; filename: string; media_type: string }> {
  const data = await packContent(store, code, request);
  const name = packName(data);
  if (format === 'zip') return { body: zipPack(await completePack(data, await renderer.files(data), new Date())), filename: `${name}.zip`, media_type: 'application/zip' };
  const html = await renderPackHtml(data);
  if (format === 'pdf') return { body: await renderer.pdf(data, html), filename: `${name}.pdf`, media_type: 'application/pdf' };
  return { body: new TextEncoder().encode(html), filename: `${name}.html`, media_type: 'text/html; charset=utf-8' };
}
