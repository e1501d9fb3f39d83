// Node only: the pack builder the server hands to the API routes. HTML needs no browser; the PDF and the ZIP
// (which holds the PDFs) use one Chromium, launched on the first request that needs it and closed with the server.
import type { PackBuilder } from '../api/pack-routes.js';
import { scoringModelFor } from '../scoring/model-cache.js';
import { manifestFor, packDate, packFooter, packName, renderPackFiles, zipPack } from './build-pack.js';
import { assemblePack } from './pack-data.js';
import { renderPackHtml } from './pack-html.js';
import { createChromiumPdfRenderer } from './pdf-chromium.js';
import { readPackExtras } from './sources.js';

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
