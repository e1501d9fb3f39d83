// Node only: the pack builder the server hands to the API routes. HTML needs no browser; the PDF and the ZIP
// (which holds the PDFs) use one Chromium, launched on the first request that needs it and closed with the server.
import type { PackBuilder } from '../http/pack-routes.js';
import { scoringModelFor } from '../services/scoring-model.js';
import { buildPack, type BuildOptions, type BuiltPack, manifestFor, packDate, packFooter, packName, renderPackFiles, zipPack } from '../pack/render/build-pack.js';
import { assemblePack, type PackRequest } from '../pack/pack-data.js';
import { renderPackHtml } from '../pack/pack-html.js';
import { createChromiumPdfRenderer } from '../pack/render/pdf-chromium.js';
import { readPackExtras } from '../services/pack-service.js';
import type { Store } from '../store/store.js';

export function createNodePackBuilder(): PackBuilder & { close(): Promise<void> } {
  const pdf = createChromiumPdfRenderer();
  const enc = new TextEncoder();
  return {
    async build(store, code, format, query) {
      const [model, extras] = await Promise.all([scoringModelFor(store), readPackExtras(store)]);
      const data = assemblePack(model, code, query, extras);
      const name = packName(data);
      if (format === 'html') return { body: enc.encode(await renderPackHtml(data)), filename: `${name}.html`, media_type: 'text/html; charset=utf-8' };
      if (format === 'pdf') {
        const html = await renderPackHtml(data);
        const body = await pdf.render(html, { footer: packFooter(data), date: packDate(data) });
        return { body, filename: `${name}.pdf`, media_type: 'application/pdf' };
      }
      const files = await renderPackFiles(data, pdf);
      const manifest = await manifestFor(data, files, new Date());
      return { body: zipPack({ data, files, manifest }), filename: `${name}.zip`, media_type: 'application/zip' };
    },
    close: () => pdf.close(),
  };
}

/** Builds a whole pack (every file and the manifest) straight from a Store. */
export async function buildPackFromStore(store: Store, code: string, req: PackRequest, opts: BuildOptions = {}): Promise<BuiltPack> {
  const [model, extras] = await Promise.all([scoringModelFor(store), readPackExtras(store)]);
  return buildPack(model, extras, code, req, opts);
}
