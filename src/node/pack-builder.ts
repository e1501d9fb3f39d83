// Node only: the pack renderer (exceljs for the XLSX, one Chromium for the PDFs, launched on first use) handed to the
// pack service, for the API's pack routes and for `sbb pack`.
import type { PackBuilder } from '../http/pack-routes.js';
import type { PackRequest } from '../pack/pack-data.js';
import type { BuiltPack } from '../pack/pack-files.js';
import { createPackRenderer } from '../pack/render/build-pack.js';
import { createChromiumPdfRenderer, type PdfRenderer } from '../pack/render/pdf-chromium.js';
import { buildPack, buildPackFile } from '../services/pack-service.js';
import type { Store } from '../store/store.js';
import { boundedPackBuilder, type PackLimits, type PackQueueStats } from './pack-queue.js';

/**
 * The builder the server hands to the API routes: one browser for every PDF, builds bounded and kept (pack-queue.ts);
 * closed with the server (it closes the browser).
 */
export function createNodePackBuilder(options: { chromium?: string; limits?: PackLimits } = {}): PackBuilder & { close(): Promise<void>; stats(): PackQueueStats } {
  const pdf = createChromiumPdfRenderer({ executablePath: options.chromium });
  const renderer = createPackRenderer(pdf);
  const bounded = boundedPackBuilder({ build: (store, code, format, query) => buildPackFile(store, code, format, query, renderer) }, options.limits);
  return { build: bounded.build, printHtml: (html, opts) => pdf.render(html, opts), stats: bounded.stats, close: () => pdf.close() };
}

/** Builds a whole pack (every file and the manifest) from a Store; without `pdf`, the pack has no PDFs. */
export function buildPackFromStore(store: Store, code: string, req: PackRequest, opts: { pdf?: PdfRenderer | null; now?: Date } = {}): Promise<BuiltPack> {
  return buildPack(store, code, req, createPackRenderer(opts.pdf ?? null), opts.now);
}
