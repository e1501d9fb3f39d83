// Renders every file of a workshop option pack (HTML, easy read, data annex as CSV and XLSX, and the PDFs when a
// printer is given): the Node side of the pack renderer the services are handed (src/services/packs.ts).
import type { ScoringModel } from '../../scoring/compare.js';
import { annexCsv, annexTables } from '../annex.js';
import { annexXlsx } from './annex-xlsx.js';
import { renderEasyRead } from '../easy-read.js';
import { assemblePack, type PackData, type PackRequest } from '../pack-data.js';
import { completePack, packDate, packFooter, type BuiltPack, type PackFile } from '../pack-files.js';
import { renderPackHtml } from '../pack-html.js';
import type { PdfRenderer } from './pdf-chromium.js';
import type { PackExtras } from '../sources.js';

export { manifestFor, packDate, packFooter, packName, zipPack, type BuiltPack, type PackFile, type PackManifest } from '../pack-files.js';

export interface BuildOptions {
  /** Prints the PDFs; without it the pack has no PDF files. */
  pdf?: PdfRenderer | null;
  /** The build time written into the manifest (defaults to now). */
  now?: Date;
}

const enc = new TextEncoder();

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

/** A pack's renderer for the services: every file (PDFs only with a printer), and the pack's HTML as a PDF. */
export function createPackRenderer(pdf: PdfRenderer | null) {
  return {
    files: (data: PackData) => renderPackFiles(data, pdf),
    async pdf(data: PackData, html: string): Promise<Uint8Array> {
      if (!pdf) throw new Error('this pack renderer has no PDF printer');
      return pdf.render(html, { footer: packFooter(data), date: packDate(data) });
    },
  };
}

/** A whole pack from a prepared scoring model (the benchmarks time this without the store reads). */
export async function buildPack(model: ScoringModel, extras: PackExtras, code: string, req: PackRequest, opts: BuildOptions = {}): Promise<BuiltPack> {
  const data = assemblePack(model, code, req, extras);
  return completePack(data, await renderPackFiles(data, opts.pdf), opts.now ?? new Date());
}
