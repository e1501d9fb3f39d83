// The one way to build a workshop option pack from a store, for the CLI and the API alike: the content is
// assembled once (pure), then rendered to the file asked for through the renderer the runtime hands in.
import type { PackData, PackRequest } from '../pack/pack-data.js';
import { completePack, packName, zipPack, type BuiltPack, type PackFile } from '../pack/pack-files.js';
import { renderPackHtml } from '../pack/pack-html.js';
import type { Store } from '../store/store.js';
import { packContent } from './pack-content.js';

export { packContent, readPackExtras } from './pack-content.js';

/** Renders a pack's files; on Node, src/pack/render with exceljs and Chromium (see createPackRenderer). */
export interface PackRenderer {
  /** Every file: HTML, easy read, data annex, and the PDFs where the renderer prints. */
  files(data: PackData): Promise<PackFile[]>;
  /** The pack's HTML printed to PDF. */
  pdf(data: PackData, html: string): Promise<Uint8Array>;
}

export type PackFormat = 'zip' | 'pdf' | 'html';

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
